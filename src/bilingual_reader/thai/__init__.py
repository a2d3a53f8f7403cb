"""The Thai language layer: cleaning and keys, segmentation, wrapping, pronunciation, the dictionary."""
