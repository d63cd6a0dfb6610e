from __future__ import annotations

from datetime import date

from newswire.evaluation.reuters import read_stories

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT>&#2;
<TITLE>COCOA &amp; SUGAR REVIEW</TITLE>
<BODY>Arrivals were 155,221 bags &lt;of 60 kilos&gt;.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
&#3;</TEXT>
</REUTERS>
"""


def test_stories_with_a_body_become_records(tmp_path):
    (tmp_path / "reut2-000.sgm").write_bytes(SGML.encode("latin-1"))
    (story,) = read_stories(tmp_path)
    assert (story.story_id, story.published_at, story.title) == ("reuters-7", date(1987, 2, 26), "COCOA & SUGAR REVIEW")
    assert story.body == "Arrivals were 155,221 bags <of 60 kilos>.\n Reuter"
    assert story.record()["published_at"] == "1987-02-26"
    assert list(read_stories(tmp_path, limit=0)) == []
