"""Thai sentence splitting for MT: crfcut, fragment merging, Latin names kept whole, length cap."""

from __future__ import annotations

import pytest

from bilingual_reader.translation.sentences import cap_segment, merge_fragments, split_sentences
from support import LONG_THAI as LONG

SPLITS = [
    ("", []),
    ("   ", []),
    ("ทหารสวมเสื้อเกราะ  ระหว่างการฝึก\n", ["ทหารสวมเสื้อเกราะ ระหว่างการฝึก"]),
    ("ก" * 300, ["ก" * 300]),
    (
        LONG,
        [
            "กระทรวงกลาโหมประกาศงบประมาณใหม่ เมื่อวันจันทร์ที่ผ่านมา",
            "โดยรัฐมนตรีกลาโหมกล่าวว่า กองทัพบกจะจัดซื้อปืนใหญ่อัตตาจรจำนวน 20 ระบบ จากบริษัท Hanwha Aerospace "
            "ของเกาหลีใต้ ซึ่งจะส่งมอบภายในปี 2570",
            "นอกจากนี้ยังจะจัดหาเสื้อเกราะให้ทหารราบทั้งหมด เช่น หน่วยที่ประจำการอยู่ที่ชายแดน",
            "ขณะที่นาย Jens Stoltenberg เลขาธิการนาโต้ เดินทางเยือนกรุงเทพฯ เพื่อหารือเรื่องความร่วมมือด้านความมั่นคง",
        ],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), SPLITS)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_segments_rejoin_to_the_paragraph() -> None:
    assert " ".join(split_sentences(LONG)) == " ".join(LONG.split())


MERGES = [
    (["กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก", "เมื่อวานนี้"], ["กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก เมื่อวานนี้"]),
    (["สั้น", "กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก"], ["สั้น กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก"]),
    (
        ["รัฐมนตรีต่างประเทศเดินทางพบกับนาย Jens", "Stoltenberg เลขาธิการนาโต้ที่กรุงบรัสเซลส์"],
        ["รัฐมนตรีต่างประเทศเดินทางพบกับนาย Jens Stoltenberg เลขาธิการนาโต้ที่กรุงบรัสเซลส์"],
    ),
    (
        ["โฆษกกระทรวงกลาโหมแถลงต่อสื่อมวลชน", "ว่ากองทัพจะไม่ถอนกำลังออกจากพื้นที่ชายแดน"],
        ["โฆษกกระทรวงกลาโหมแถลงต่อสื่อมวลชน ว่ากองทัพจะไม่ถอนกำลังออกจากพื้นที่ชายแดน"],
    ),
    (
        ["กองทัพเรือได้รับเรือดำน้ำลำแรกจากจีน", "ซึ่งจะเข้าประจำการในปีหน้าที่สัตหีบ"],
        ["กองทัพเรือได้รับเรือดำน้ำลำแรกจากจีน ซึ่งจะเข้าประจำการในปีหน้าที่สัตหีบ"],
    ),
    (
        ["กองทัพเรือได้รับเรือดำน้ำลำแรกจากจีน", "กองทัพอากาศฝึกบินร่วมกับพันธมิตรในภูมิภาค"],
        ["กองทัพเรือได้รับเรือดำน้ำลำแรกจากจีน", "กองทัพอากาศฝึกบินร่วมกับพันธมิตรในภูมิภาค"],
    ),
    (
        ["กองทัพอากาศสั่งซื้อเครื่องบิน Saab", "กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก"],
        ["กองทัพอากาศสั่งซื้อเครื่องบิน Saab", "กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่จำนวนมาก"],
    ),
]


@pytest.mark.parametrize(("segments", "expected"), MERGES)
def test_merge_fragments(segments: list[str], expected: list[str]) -> None:
    assert merge_fragments(segments) == expected


CAPS = [
    ("กกกก ขขขข คคคค", 9, ["กกกก ขขขข", "คคคค"]),
    ("กกกก ขขขข คคคค", 20, ["กกกก ขขขข คคคค"]),
    ("กกกกกกกกกกกก ขข", 5, ["กกกกกกกกกกกก", "ขข"]),
    ("กกกกกกกกกกกก", 5, ["กกกกกกกกกกกก"]),
    ("กก Jens Stoltenberg ขข", 15, ["กก", "Jens Stoltenberg", "ขข"]),
    ("กก Jens Stoltenberg ขข", 19, ["กก Jens Stoltenberg", "ขข"]),
]


@pytest.mark.parametrize(("segment", "cap", "expected"), CAPS)
def test_cap_segment(segment: str, cap: int, expected: list[str]) -> None:
    assert cap_segment(segment, cap) == expected


def test_long_run_is_capped_at_300() -> None:
    paragraph = " ".join(["กองทัพบกจัดซื้อปืนใหญ่อัตตาจรใหม่"] * 30)
    segments = split_sentences(paragraph)
    assert all(len(s) <= 300 for s in segments)
    assert " ".join(segments) == paragraph
