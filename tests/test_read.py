"""The read stage: files into Article objects, metadata found, site furniture dropped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources.article import Article, slug
from kg.sources.parse import is_boilerplate, parse_text
from kg.sources.read import iter_paths, read_article

BODY = (
    "Ofcom fined Acme Social £2m on Monday for failing to check the ages of its users.\n\n"
    "The regulator said the company had ignored three formal warnings.\n"
)


def read_one(path: Path) -> Article:
    (article,) = read_article(path)
    return article


# ---------------------------------------------------------------- dates


def test_date_first_line(write_file) -> None:
    art = read_one(write_file("a.txt", "date 2026-01-11\n\n" + BODY))
    assert art.date == "2026-01-11"
    assert "date" not in art.text.lower()
    assert art.text.startswith("Ofcom fined Acme Social")


@pytest.mark.parametrize("first", ["Date: 2026-01-11", "\n\n  date 2026-01-11", "DATE 2026-01-11   "])
def test_date_line_variants(write_file, first: str) -> None:
    art = read_one(write_file("a.txt", f"{first}\n\n{BODY}"))
    assert art.date == "2026-01-11"
    assert "2026" not in art.text


def test_date_line_with_glued_junk_drops_the_junk(write_file) -> None:
    raw = (" date 2026-01-11 Your support helps us keep our reporting free. Read more\n\n"
           "Ofcom fines Acme Social\n\n" + BODY)
    art = read_one(write_file("a.txt", raw))
    assert art.date == "2026-01-11"
    assert "support" not in art.text and "Read more" not in art.text
    assert art.title == "Ofcom fines Acme Social"
    assert any("Your support" in d for d in art.dropped)


def test_no_date_line_means_no_date(write_file) -> None:
    art = read_one(write_file("a.txt", BODY))
    assert art.date is None


def test_date_is_only_taken_from_the_first_line(write_file) -> None:
    art = read_one(write_file("a.txt", BODY + "\ndate 2026-01-11\n"))
    assert art.date is None


# ---------------------------------------------------------------- front matter and Markdown


def test_yaml_front_matter(write_file) -> None:
    raw = ("---\ntitle: Ofcom fines Acme Social\ndate: 2026-01-11\nurl: https://example.org/a\n"
           "source: Example Policy Wire\n---\n\n" + BODY)
    art = read_one(write_file("a.txt", raw))
    assert (art.title, art.date, art.url, art.source) == (
        "Ofcom fines Acme Social", "2026-01-11", "https://example.org/a", "Example Policy Wire")
    assert "---" not in art.text and "title:" not in art.text
    assert art.text.startswith("Ofcom fined Acme Social")


def test_front_matter_timestamp_becomes_a_date(write_file) -> None:
    raw = "---\ntitle: Ofcom fines Acme Social\ndate: 2026-01-11T09:30:00Z\n---\n\n" + BODY
    art = read_one(write_file("a.txt", raw))
    assert art.date == "2026-01-11"


def test_front_matter_title_repeated_as_heading_is_not_kept_twice(write_file) -> None:
    raw = "---\ntitle: Ofcom fines Acme Social\n---\n\n# Ofcom fines Acme Social\n\n" + BODY
    art = read_one(write_file("a.md", raw))
    assert art.title == "Ofcom fines Acme Social"
    assert "Ofcom fines Acme Social" not in art.text
    assert art.body.count("Ofcom fines Acme Social") == 1


def test_bad_front_matter_is_an_input_error(write_file) -> None:
    path = write_file("a.txt", "---\ntitle: [unclosed\n---\n\n" + BODY)
    with pytest.raises(InputError, match=r"a\.txt.*front matter"):
        read_article(path)


def test_markdown_headings_links_and_emphasis_are_stripped(write_file) -> None:
    raw = ("# Ofcom fines Acme Social\n\n"
           "Ofcom fined [Acme Social](https://example.org/acme) £2m on **Monday**, the "
           "[regulator said](https://example.org/ofcom_statement_2026).\n\n"
           "## What happens next\n\n"
           "Acme Social has *28 days* to appeal against the decision.\n")
    art = read_one(write_file("a.md", raw))
    assert art.title == "Ofcom fines Acme Social"
    assert "#" not in art.text and "](" not in art.text and "http" not in art.text and "*" not in art.text
    assert "Ofcom fined Acme Social £2m on Monday, the regulator said." in art.text
    assert "28 days to appeal" in art.text


# ---------------------------------------------------------------- headlines


def test_headline_becomes_title_and_leads_the_body(write_file) -> None:
    art = read_one(write_file("a.txt", "Ofcom fines Acme Social over age checks\n\n" + BODY))
    assert art.title == "Ofcom fines Acme Social over age checks"
    assert not art.text.startswith("Ofcom fines")
    assert art.body.startswith("Ofcom fines Acme Social over age checks.\n\nOfcom fined Acme Social")


def test_title_ending_in_punctuation_gets_no_extra_full_stop() -> None:
    art = Article(id="a", text="Ofcom fined Acme Social.", title="Will Ofcom fine Acme Social?")
    assert art.body.startswith("Will Ofcom fine Acme Social?\n\n")
    assert Article(id="b", text="Ofcom fined Acme Social.").body == "Ofcom fined Acme Social."


def test_first_paragraph_with_full_stop_is_not_a_headline(write_file) -> None:
    art = read_one(write_file("a.txt", BODY))
    assert art.title is None
    assert art.body == art.text


def test_long_first_paragraph_is_not_a_headline(write_file) -> None:
    long_first = " ".join(["Ofcom"] + ["said"] * 30)
    art = read_one(write_file("a.txt", long_first + "\n\n" + BODY))
    assert art.title is None


def test_a_lone_paragraph_is_not_taken_as_headline(write_file) -> None:
    art = read_one(write_file("a.txt", "Ofcom fined Acme Social on Monday\n"))
    assert art.title is None
    assert art.text == "Ofcom fined Acme Social on Monday"


# ---------------------------------------------------------------- boilerplate


def test_boilerplate_lines_are_dropped_and_article_text_kept(write_file) -> None:
    newsletter_sentence = (
        "The regulator said it would explain the new age-check rules to smaller platforms in its monthly "
        "newsletter for industry, alongside guidance published on its website later in the spring.")
    appeal = ("Before you go: independent journalism costs money. Your support keeps our reporting free "
              "for everyone. Please donate today, or sign up to our newsletter.")
    raw = ("date 2026-01-11\n\nOfcom fines Acme Social\n\n"
           "By Jane Smith, technology correspondent\n\n"
           "Ofcom fined Acme Social £2m on Monday for failing to check the ages of its users.\n\n"
           "Photograph: Jane Doe / Reuters\n\n"
           "Read more: Ofcom opens inquiry into Zeta Chat\n\n"
           f"{newsletter_sentence}\n\n"
           f"{appeal}\n\n"
           "Acme Social said it would appeal.\n")
    art = read_one(write_file("a.txt", raw))
    for junk in ("Jane Smith", "Photograph", "Reuters", "Read more", "independent journalism", "donate"):
        assert junk not in art.text, junk
    assert newsletter_sentence in art.text
    assert "Ofcom fined Acme Social £2m" in art.text and "Acme Social said it would appeal." in art.text
    assert art.title == "Ofcom fines Acme Social"
    assert len(art.dropped) == 4


@pytest.mark.parametrize("line", [
    "By Jane Smith, technology correspondent",
    "By JANE SMITH",
    "Reporting by Jane Smith and Tom Jones in Brussels",
    "Photograph: Jane Doe / Reuters",
    "Photo: Example Agency",
    "Read more: Ofcom opens inquiry into Zeta Chat",
    "Read more",
    "Related: Acme Social fined in Brussels",
    "Watch: the hearing in full",
    "Sign up to our newsletter",
    "Your support helps us stay independent. Please donate.",
    "We use cookies and similar tools to improve your experience. By clicking Accept all you agree to our use of "
    "cookies.",
    "Ana Ruiz/Getty Images",
    "Protesters gather outside the ministry in Nairobi (AFP via Getty Images)",
    "The regulator's offices in Dublin. Shutterstock",
])
def test_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("sentence", [
    # Real sentences that merely start like a byline or a link line, or
    # contain a cue word inside a longer word.
    "By contrast, Ofcom has not fined anyone.",
    "By law, platforms must remove the video within an hour.",
    "By Monday, Ofcom had fined Acme Social.",
    "Related fines were imposed on Acme Social last year.",
    "Watchdogs across Europe welcomed the ruling.",
    "Acme Social said its subscribers were safe.",
    "Jane Doe donated $1m to the campaign.",
    "Ofcom fined Acme Social £2m on Monday.",
    # A picture agency named as a company in a sentence is news, not a credit.
    "Getty Images sued Norvex AI for copying its photos.",
    "Getty Images said the ruling was a win for photographers.",
    # News about cookies and advertising is written in the words a cookie banner uses.
    "The CNIL fined Acme Social 40 million euros for placing cookies without consent and for showing "
    "advertisements in its users' inboxes. A second firm was fined over cookies too.",
])
def test_is_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_only_boilerplate_is_an_input_error(write_file) -> None:
    path = write_file("a.txt", "Sign up to our newsletter\n\nPhotograph: Jane Doe / Reuters\n")
    with pytest.raises(InputError, match=r"a\.txt.*no article text"):
        read_article(path)


# ---------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ofcom fines Acme Social over age checks</title>
<meta name="date" content="2026-02-03">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/tech">Technology</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Ofcom fines Acme Social over age checks</h1>
<p>Ofcom fined Acme Social £2m on Monday for failing to protect children from harmful videos on its platform.</p>
<p>The regulator said the company had ignored repeated warnings about its age checks and had not answered
formal information requests on time.</p>
<p>Acme Social said it would appeal against the decision and accused Ofcom of misunderstanding its systems.</p>
</article>
<footer><p>© 2026 Example News. All rights reserved.</p><p>Cookie settings</p></footer>
</body></html>
"""


def test_html_main_text_and_title(write_file) -> None:
    art = read_one(write_file("page.html", HTML))
    assert art.title == "Ofcom fines Acme Social over age checks"
    assert art.date == "2026-02-03"
    assert "Ofcom fined Acme Social £2m on Monday" in art.text
    assert "accused Ofcom of misunderstanding its systems." in art.text
    for junk in ("Home", "Technology", "Subscribe", "rights reserved", "Cookie"):
        assert junk not in art.text, junk
    # The headline is the title, not a second copy in the text.
    assert art.body.count("over age checks") == 1
    assert art.id == "page"


#: News pages of the kinds seen in the wild, own sentences: a header with the headline and a byline, a banner in
#: <noscript>, the story in paragraphs. Each with the title and the text it must read to.
NEWS_PAGES = {
    # A short story in <article>: trafilatura's fallback reads the whole element as one line, so the banner, the
    # headline and the byline ran into the first sentence.
    "short-article": (
        """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Zeta Chat banned</title></head><body>
<article>
<noscript><div>Please enable JavaScript to view the comments and the video player on this page.</div></noscript>
<header><h1>Veltria bans Zeta Chat over data transfers</h1>
<span class="byline">By Ada Morrow, Technology Reporter</span></header>
<p>The Veltria Data Authority banned Zeta Chat on Friday after finding that the app sent user data abroad.</p>
<p>Zeta Chat criticised the authority and said the ban was unfair to its users.</p>
</article></body></html>""",
        "Veltria bans Zeta Chat over data transfers",
        "The Veltria Data Authority banned Zeta Chat on Friday after finding that the app sent user data abroad.\n\n"
        "Zeta Chat criticised the authority and said the ban was unfair to its users."),
    # A page of divs, the banner first in the body: it was read as the story's first paragraph.
    "banner-first": (
        """<html><head><title>Zeta Chat banned | Daily Wire Service</title></head><body>
<noscript>Please enable JavaScript to continue using this site.</noscript>
<div id="root"><h1>Veltria bans Zeta Chat</h1>
<div>The Veltria Data Authority banned Zeta Chat on Friday.</div>
<div>Zeta Chat criticised the authority.</div></div></body></html>""",
        "Veltria bans Zeta Chat",
        "The Veltria Data Authority banned Zeta Chat on Friday.\n\nZeta Chat criticised the authority."),
    # The banner after the story: it was read as its last paragraph.
    "banner-last": (
        """<html><head><meta charset="utf-8"><title>Veltria bans Zeta Chat</title></head>
<body><main><h1>Veltria bans Zeta Chat</h1><p>The Veltria Data Authority banned Zeta Chat on Friday.</p>
<p>Zeta Chat criticised the authority.</p></main>
<noscript><p>Please enable JavaScript for the best experience on our site.</p></noscript></body></html>""",
        "Veltria bans Zeta Chat",
        "The Veltria Data Authority banned Zeta Chat on Friday.\n\nZeta Chat criticised the authority."),
    # A full page: site header and navigation, the article's header with headline, byline and time, a footer.
    "full-page": (
        """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Korro Labs sues the Veltria Data Authority over fine - Northgate Ledger</title>
<meta property="article:published_time" content="2026-04-15T08:00:00Z"></head><body>
<noscript><div class="js-banner">Please enable JavaScript to view this site.</div></noscript>
<header class="site"><nav><a href="/">Home</a> <a href="/policy">Policy</a></nav></header>
<main><article><header><h1>Korro Labs sues the Veltria Data Authority over fine</h1>
<p class="byline">By Jo Lindqvist</p><time datetime="2026-04-15">15 April 2026</time></header>
<p>Korro Labs sued the Veltria Data Authority on Wednesday, a day after the regulator fined the company.</p>
<p>The company argued that the authority had misread the law on location data.</p>
<p>A spokesperson for the authority said it would defend its decision in court.</p>
</article></main><footer><p>Copyright 2026 Northgate Ledger. All rights reserved.</p></footer></body></html>""",
        "Korro Labs sues the Veltria Data Authority over fine",
        "Korro Labs sued the Veltria Data Authority on Wednesday, a day after the regulator fined the company.\n\n"
        "The company argued that the authority had misread the law on location data.\n\n"
        "A spokesperson for the authority said it would defend its decision in court."),
}


@pytest.mark.parametrize("name", sorted(NEWS_PAGES))
def test_html_headline_is_the_title_and_noscript_is_no_story(write_file, name: str) -> None:
    page, title, text = NEWS_PAGES[name]
    art = read_one(write_file(f"{name}.html", page))
    assert (art.title, art.text) == (title, text)


def test_html_headline_apart_from_the_title_is_a_sentence_of_its_own(write_file) -> None:
    """A headline the page's title does not repeat, and a subhead, stand as sentences, not glued to the next."""
    page = ("<html><head><meta property='og:title' content='Regulator fines Korro Labs'></head><body><article>"
            "<h1>Korro Labs fined over location data</h1><span>By Jo Lindqvist</span>"
            "<p>The Veltria Data Authority fined Korro Labs on Tuesday.</p><h2>What happens next</h2>"
            "<p>Korro Labs said it would appeal.</p></article></body></html>")
    art = read_one(write_file("apart.html", page))
    assert art.title == "Regulator fines Korro Labs"
    for paragraph in art.text.split("\n\n"):
        assert paragraph.endswith("."), art.text
    assert "The Veltria Data Authority fined Korro Labs on Tuesday." in art.text.split("\n\n")
    assert "Lindqvist" not in art.text


def test_html_without_text_is_an_input_error(write_file) -> None:
    path = write_file("page.htm", "<html><head><title>Empty</title></head>"
                                  "<body><div></div><script>var x = 1;</script></body></html>")
    with pytest.raises(InputError, match=r"page\.htm.*no article text"):
        read_article(path)


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_one_article_per_line(write_file) -> None:
    lines = [
        json.dumps({"id": "First Story", "title": "Ofcom fines Acme Social", "date": "2026-01-11",
                    "source": "Wire", "url": "https://example.org/1", "text": BODY}),
        "",
        json.dumps({"text": "The European Commission fined Apple on Wednesday.\n\nApple said it would appeal."}),
    ]
    arts = read_article(write_file("batch.jsonl", "\n".join(lines) + "\n"))
    first, second = arts
    # Ids come from the id field, else from the text: never from line numbers, which shift.
    assert first.id == "first-story" and first.origin == "https://example.org/1"
    assert re.fullmatch(r"batch-[0-9a-f]{8}", second.id), second.id
    assert second.origin is not None and re.search(r"batch\.jsonl#sha256=[0-9a-f]{16}$", second.origin)
    assert (first.title, first.date, first.source, first.url) == (
        "Ofcom fines Acme Social", "2026-01-11", "Wire", "https://example.org/1")
    assert first.text.startswith("Ofcom fined Acme Social")
    assert second.date is None and "fined Apple" in second.text
    assert first.path is not None and first.path.endswith("batch.jsonl:1")


@pytest.mark.parametrize(("bad_line", "why"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"title": "no text key"}), "text"),
    (json.dumps(["a", "list"]), "text"),
])
def test_jsonl_bad_line_names_its_number(write_file, bad_line: str, why: str) -> None:
    good = json.dumps({"text": BODY})
    path = write_file("batch.jsonl", f"{good}\n{bad_line}\n{good}\n")
    with pytest.raises(InputError) as info:
        read_article(path)
    msg = str(info.value)
    assert "batch.jsonl:2" in msg
    assert why in msg


# ---------------------------------------------------------------- unreadable files


@pytest.mark.parametrize(("name", "content", "fix"), [
    ("empty.txt", b"", r"empty; .*"),
    ("blank.md", b"  \n\n\t\n", r"empty; .*"),
    ("scan.txt", b"%PDF-1.4\x00\x01\x02 binary", r"binary.*UTF-8 text"),
    ("latin1.txt", "Ofcom fined Acme Social £2m on Monday.".encode("latin-1"), r"not valid UTF-8.*(re-save|iconv)"),
    ("report.pdf", b"Ofcom fined Acme Social.", r"unsupported.*\.txt"),
])
def test_unreadable_file_raises_input_error_naming_file_and_fix(write_file, name: str, content: bytes,
                                                                fix: str) -> None:
    path = write_file(name, content)
    with pytest.raises(InputError) as info:
        read_article(path)
    msg = str(info.value)
    assert str(path) in msg
    assert re.search(fix, msg), msg


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(path) in str(info.value)
    assert "check the path" in str(info.value)


def test_folder_passed_as_a_file_raises_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="folder"):
        read_article(folder)


def test_utf8_bom_is_accepted(write_file) -> None:
    art = read_one(write_file("bom.txt", "\ufeffdate 2026-01-11\n\n".encode() + BODY.encode()))
    assert art.date == "2026-01-11"
    assert "\ufeff" not in art.text


# ---------------------------------------------------------------- paths and ids


def test_iter_paths_walks_folders_sorted_and_skips_others(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", ".hidden.txt", "notes.pdf", "sub/c.html", "sub/d.jsonl"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    single = tmp_path / "notes.pdf"
    got = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path, single])]
    # A file named directly is passed on (and then reported by read_article).
    assert got == ["a.md", "b.txt", "sub/c.html", "sub/d.jsonl", "notes.pdf"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Elon Musk", "elon-musk"),
    ("Commission nationale de l'informatique", "commission-nationale-de-l-informatique"),
    ("Société Générale", "societe-generale"),
    ("  EU -- AI Act!  ", "eu-ai-act"),
])
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_of_non_latin_text_is_a_stable_hash() -> None:
    assert slug("微信") == slug("微信")
    assert re.fullmatch(r"[0-9a-f]{10}", slug("微信"))


def test_parse_text_without_path_names_the_article_id() -> None:
    with pytest.raises(InputError, match="my-article"):
        parse_text("Photograph: Jane Doe / Reuters", article_id="my-article")


@pytest.mark.parametrize(("first", "line", "rest"), [
    ("OSLO – The ministry fined the bank.", "OSLO –", "The ministry fined the bank."),
    ("BRUSSELS (Newswire) - Officials met on Monday.", "BRUSSELS (Newswire) -", "Officials met on Monday."),
    ("SAN JOSE, March 3 (AP) — A judge sided with the union.", "SAN JOSE, March 3 (AP) —",
     "A judge sided with the union."),
    ("Pune, India: Zeltra Systems has sued the ministry.", "Pune, India:", "Zeltra Systems has sued the ministry."),
    ("Port Louis, Mauritius: The regulator fined a bank.", "Port Louis, Mauritius:", "The regulator fined a bank."),
    ("TAIPEI (Newswire): The ministry listed two firms.", "TAIPEI (Newswire):", "The ministry listed two firms."),
    ("NEW DELHI: The ministry blocked 59 apps.", "NEW DELHI:", "The ministry blocked 59 apps."),
])
def test_a_dateline_is_cut_from_the_story(first: str, line: str, rest: str) -> None:
    article = parse_text(f"Regulator acts on bank\n\n{first}\n\nMore text here.", article_id="d")
    assert article.text.split("\n\n")[0] == rest
    assert line in article.dropped


@pytest.mark.parametrize(("first", "agencies"), [
    ("BRUSSELS (Newswire) - Officials met on Monday.", ["Newswire"]),
    ("OSLO – The ministry fined the bank.", []),
    ("(Metro Wire/AP) – Several firms signed a pact on Friday.", ["Metro Wire", "AP"]),
])
def test_a_datelines_agencies_are_kept_as_the_storys_credit(first: str, agencies: list[str]) -> None:
    article = parse_text(f"Regulator acts on bank\n\n{first}\n\nMore text here.", article_id="d")
    assert article.agencies == agencies
    assert not article.text.startswith("(")


@pytest.mark.parametrize(("first", "place"), [
    ("OSLO – The ministry fined the bank.", "Oslo"),
    ("SAN JOSE, March 3 (AP) — A judge sided with the union.", "San Jose"),
    ("(Metro Wire/AP) – Several firms signed a pact on Friday.", None),
    ("The ministry fined the bank.", None),
    ("NYON, Switzerland (Newswire) - The federation fined the club.", "Nyon, Switzerland"),
    ("AUSTIN, Texas — The state sued the company.", "Austin, Texas"),
    ("Pune, India: Zeltra Systems has sued the ministry.", "Pune, India"),
])
def test_a_datelines_place_is_kept_as_where_the_story_was_filed(first: str, place: str | None) -> None:
    assert parse_text(f"Regulator acts on bank\n\n{first}\n\nMore text here.", article_id="d").dateline == place


def test_a_credited_agency_is_a_media_outlet_of_the_extraction() -> None:
    from kg.extraction.pipeline import extract_articles

    article = parse_text("Regulator fines bank\n\nOSLO (Reuters) - The Norwegian regulator fined Velto Pay on Monday.",
                         article_id="d")
    (ex,) = extract_articles([article])
    assert ("Reuters", "MediaOutlet") in {(e.label, e.type) for e in ex.entities}


@pytest.mark.parametrize("first", [
    "NATO – the alliance – met again.",  # no sentence starts after the dash: an aside
    "The EU - and its members - agreed.",
    "OPENAI said it would appeal.",
    "However, Zeta Chat: The Sequel opened to poor reviews.",  # a sentence opening with an adverb
    "BREAKING: The regulator fined Zeta Chat.",  # a label, not a place
])
def test_text_that_is_not_a_dateline_is_kept(first: str) -> None:
    assert parse_text(first, article_id="d").text == first


def test_html_loses_its_dateline_too(write_file) -> None:
    page = ("<html><head><title>Court rules on app</title></head><body><article>"
            "<p>LISBON (Wire) — The court sided with the developers of the app on Tuesday, "
            "ending a long dispute over payments between the parties.</p>"
            "<p>Lawyers for both sides said they would study the ruling closely before deciding.</p>"
            "</article></body></html>")
    [article] = read_article(write_file("page.html", page))
    assert article.text.startswith("The court sided")


def test_one_paragraph_per_line_with_a_headline_line() -> None:
    raw = ("Regulator opens case against Velto Pay\n"
           "OSLO – The consumer agency opened a case against Velto Pay on Monday, saying its fees were hidden.\n"
           "Velto Pay said it would cooperate with the agency.\n")
    article = parse_text(raw, article_id="p")
    assert article.title == "Regulator opens case against Velto Pay"
    assert article.text.split("\n\n") == [
        "The consumer agency opened a case against Velto Pay on Monday, saying its fees were hidden.",
        "Velto Pay said it would cooperate with the agency."]


def test_text_wrapped_at_a_fixed_width_stays_one_paragraph() -> None:
    raw = ("The agency said on Monday that it would look again at the way the\n"
           "company handles the data of its younger users, and that a fine\n"
           "could follow if the answers it gets are not good enough. Velto\n"
           "Pay did not reply.\n\nA second paragraph.")
    assert parse_text(raw, article_id="w").text.split("\n\n") == [
        "The agency said on Monday that it would look again at the way the company handles the data of its younger "
        "users, and that a fine could follow if the answers it gets are not good enough. Velto Pay did not reply.",
        "A second paragraph."]


def test_a_sentence_running_on_to_the_next_line_is_joined() -> None:
    raw = "The court fined the firm, which\nhad ignored two orders.\nIts lawyers said they would appeal the ruling."
    assert parse_text(raw, article_id="r").text.split("\n\n") == [
        "The court fined the firm, which had ignored two orders.", "Its lawyers said they would appeal the ruling."]


@pytest.mark.parametrize(("raw", "text"), [
    ("The privacy office wants Apple AAPL.O and Google GOOGL.O to drop the app.",
     "The privacy office wants Apple and Google to drop the app."),
    ("Sony (6758.T) and Alibaba 9988.HK fell on Monday.", "Sony and Alibaba fell on Monday."),
    ("Shares of Nvidia NVDA.O, up 3%, rose.", "Shares of Nvidia, up 3%, rose."),
    # (no exchange code: left as written)
    ("The U.S. rose. Version 2.O is out. He paid 5.N.", "The U.S. rose. Version 2.O is out. He paid 5.N."),
])
def test_an_exchange_code_after_a_name_is_dropped(raw: str, text: str) -> None:
    assert parse_text(raw, article_id="t").text == text
