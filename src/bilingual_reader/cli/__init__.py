"""The command line: a thin skin over the library calls the reader makes."""
