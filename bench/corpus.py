"""A deterministic synthetic corpus of write-ups, for the benchmark.

    python bench/corpus.py 1000 /tmp/corpus-1000

writes a site (mkdocs.yml, content/) of N write-ups: about 25 fields, names with spaces,
ampersands and letters beyond ASCII among them; the sample site's questions; 4 to 8 answers a
write-up, each of 1 to 3 paragraphs with links, emphasis and lists; 600 to 1,200 words each.
The same N always gives the same files.
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

FIELDS = [
    "Book publishing", "Film post-production", "Magazine journalism", "Radio & podcasting",
    "Music production", "Graphic design", "Software engineering", "Nonprofit work",
    "Museums & archives", "Música & Film", "R&D / Labs", "Architecture", "Urban planning",
    "Public health", "Data journalism", "Game development", "Theatre production",
    "Translation & localisation", "Photography", "Industrial design", "Library science",
    "Science communication", "Event production", "Fashion design", "Café & restaurant management",
]  # fmt: skip
WORDS = (
    "the a an and or but of to in on for with at by from about as into through after over "
    "between out against during without before under around among client studio deadline "
    "budget edit draft meeting schedule project team manager producer editor writer designer "
    "engineer archive interview story review feedback revision proposal contract pitch grant "
    "audience reader listener camera sound mix colour grade cut layout typeface prototype "
    "test release launch research plan week morning afternoon evening day year career job "
    "role skill practice portfolio network mentor internship salary rate freelance staff "
    "office remote email call notes list spreadsheet calendar tool software hardware workflow "
    "quality standard detail problem solution decision question answer idea approach learn "
    "teach show build write read listen watch check fix ship deliver finish start often "
    "usually sometimes always never quickly carefully honestly really mostly"
).split()


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.12:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://example.org/{rng.choice(WORDS)})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    """A paragraph of exactly `words` words (a word: what `str.split` finds), sometimes
    introducing a list that takes part of them."""
    listed = rng.randint(2, 4) if words >= 40 and rng.random() < 0.2 else 0
    lead = sentences(rng, words // 2 if listed else words)
    if not listed:
        return lead
    left = words - len(lead.split())
    items = [sentences(rng, left // listed + (i < left % listed) - 1) for i in range(listed)]
    return lead[:-1] + ":\n\n" + "\n".join(f"- {item}" for item in items)


def sentences(rng: random.Random, words: int) -> str:
    """Sentences of exactly `words` words, the last one cut short to fit."""
    tokens: list[str] = []
    while len(tokens) < words:
        tokens.extend(sentence(rng).split()[: words - len(tokens)])
        if not tokens[-1].endswith("."):
            tokens[-1] += "."
    return " ".join(tokens)


def writeup(rng: random.Random, number: int, questions: list[dict[str, object]]) -> str:
    chosen = rng.sample(questions, rng.randint(4, 8))
    # The words of the write-up: its introduction, its headings ("##" counts) and its answers.
    # Answers share what the introduction and the headings leave; integer division loses
    # fewer than 25 words, hence the 625.
    headings = sum(1 + len(str(q["text"]).split()) for q in chosen)
    budget = rng.randint(625, 1200) - 40 - headings
    per_answer = budget // len(chosen)
    fields = [rng.choice(FIELDS)]
    if rng.random() < 0.1:
        fields.append(rng.choice([f for f in FIELDS if f != fields[0]]))
    date = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(2400))
    meta = {
        "title": f"Interview {number}: {sentence(rng)[:60].rstrip('.')}",
        "field": fields[0] if len(fields) == 1 else fields,
        "role": f"{rng.choice(WORDS).capitalize()} {rng.choice(['lead', 'editor', 'producer', 'designer', 'engineer', 'manager'])}",  # noqa: E501
        "date": date,
        "questions": [q["id"] for q in chosen],
        "summary": sentence(rng),
        "interviewee": f"Person {number}",
    }
    if number > 10 and rng.random() < 0.2:
        meta["referred_by"] = f"w{rng.randrange(number):05d}"
    body = [paragraph(rng, 40)]
    for question in chosen:
        paragraphs = rng.randint(1, 3)
        answer = "\n\n".join(paragraph(rng, per_answer // paragraphs) for _ in range(paragraphs))
        body.append(f"## {question['text']}\n\n{answer}")
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"


MKDOCS_YML = """\
site_name: Benchmark
site_url: https://example.org/bench/
repo_url: https://github.com/example/bench
docs_dir: content
theme:
  name: material
plugins:
  - interviews
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Fields: fields/index.md
  - Questions: questions/index.md
  - Ask: ask/index.md
"""


def make_corpus(size: int, root: Path) -> None:
    """Write the site of `size` write-ups under `root`."""
    rng = random.Random(size)
    questions = [
        q
        for q in yaml.safe_load((ROOT / "content" / "questions.yml").read_text(encoding="utf-8"))
        if not q.get("retired")
    ]
    content = root / "content"
    (content / "interviews").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (content / "index.md").write_text("# Benchmark\n\nA synthetic corpus.\n", encoding="utf-8")
    (content / "questions.yml").write_text(
        yaml.safe_dump(questions, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    fields = [
        {"name": name, "description": f"People who work in {name}.", "group": f"Group {i % 5}"}
        for i, name in enumerate(FIELDS)
    ]
    (content / "fields.yml").write_text(
        yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for number in range(size):
        path = content / "interviews" / f"w{number:05d}.md"
        path.write_text(writeup(rng, number, questions), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    make_corpus(args.size, args.root)


if __name__ == "__main__":
    main()
