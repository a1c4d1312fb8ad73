#!/usr/bin/env python3
"""The benchmark corpus: N bilingual page bundles of synthetic case-study text.

usage: bench/gen_corpus.py N OUTDIR [--ja-text FILE]

Writes
  OUTDIR/site.yaml              the collection's title in ja and en, languages [ja, en], ja first, and a
                                page budget (page_budget_kb) large enough for top pages listing every page
  OUTDIR/pNNNNN/index.ja.md     front matter (title, order) and a Markdown body of 4.1-5.5 KB (UTF-8)
  OUTDIR/pNNNNN/index.en.md     the same in English

Each body has 3-5 `##` sections, each with a paragraph and 1-2 `###` sub-sections of one paragraph;
somewhere in it one bullet list, one pipe table (a header row and 4 rows) and one block quote; a few
**bold** runs; and relative links to other bundles ([text](../pNNNNN/)). Paragraphs grow sentence by
sentence until the body reaches its drawn size. `order` is a fixed shuffle of 1..N, so the listing
pages must sort.

Japanese sentences and headings are taken from FILE (default: the source publication the test suite
keeps, src/test/resources/seed/source.txt); English text is made from a small vocabulary. Only the
standard library is used, and the output depends only on N and FILE: each page draws from a random
generator seeded by its number and language, so page i reads the same for every N except for the
bundles its links point at.
"""
import argparse
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TEXT = HERE.parent / "src" / "test" / "resources" / "seed" / "source.txt"

# characters that would make Markdown (or casebook's containers and data references) of a plain sentence
MARKUP = re.compile(r"[|#*_\[\]`<>\\{}:~]")
LIST_MARK = re.compile(r"^(?:[-・●○◆■※✓•▶]|\d+[.．)]|[①-⑳])\s*")
PAIRS = ("()", "（）", "「」", "『』", "【】")


def paired(s):
    return all(s.count(a) == s.count(b) for a, b in PAIRS)


def japanese(path):
    """(sentences, headings) taken from a Japanese text: sentences end in 。, headings are short lines without one."""
    sentences, headings = {}, {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = LIST_MARK.sub("", line.strip().replace("\t", " "))
        if not line:
            continue
        if "。" not in line:
            h = re.sub(r"\s*p\d+$", "", line).strip("【】 ")
            if (6 <= len(h) <= 26 and paired(h) and not MARKUP.search(h) and " " not in h
                    and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{3}", h)
                    and not re.search(r"\d{3,}|出典|提供|氏$", h)):
                headings[h] = True
            continue
        for piece in line.split("。"):
            s = LIST_MARK.sub("", piece.strip())
            if 15 <= len(s) <= 160 and paired(s) and not MARKUP.search(s) and re.search(r"[\u3040-\u309f]", s):
                sentences[s + "。"] = True
    if len(sentences) < 50 or len(headings) < 20:
        sys.exit(f"gen_corpus: {path} has too little Japanese text ({len(sentences)} sentences, {len(headings)} headings)")
    return list(sentences), list(headings)


class Japanese:
    code = "ja"
    joiner = ""
    link_texts = ["関連する取組", "事例の詳細", "前回の報告", "参考資料", "支援体制の概要", "連携の経過", "座談会の記録"]
    items = ["相談支援", "訪問支援", "研修会", "連絡会議", "個別事例検討", "普及啓発", "家族支援", "ピアサポート",
             "退院支援", "住まいの確保", "就労支援", "地域移行"]
    owners = ["保健所", "市町村", "精神保健福祉センター", "相談支援事業所", "医療機関", "障害福祉課", "保健センター"]
    states = ["実施中", "検討中", "準備中", "完了", "継続", "拡充予定"]

    def __init__(self, sentences, headings):
        self.sentences = sentences
        self.headings = headings
        self.short = [s for s in sentences if len(s) <= 60]

    def title(self, rng, i):
        return f"{rng.choice(self.headings)}（第{i}号）"

    def sentence(self, rng):
        return rng.choice(self.sentences)

    def heading(self, rng):
        return rng.choice(self.headings)

    def item(self, rng):
        return rng.choice(self.short)

    def table(self, rng):
        rows = ["| 項目 | 担当 | 件数 | 状況 |", "|---|---|---|---|"]
        rows += [f"| {rng.choice(self.items)} | {rng.choice(self.owners)} | {rng.randint(1, 499)} | {rng.choice(self.states)} |"
                 for _ in range(4)]
        return "\n".join(rows)

    def bold(self, rng, s):
        """A run of 4-9 word characters of the sentence in **…**."""
        if len(s) < 20:
            return s
        for _ in range(8):
            a = rng.randrange(len(s) - 12)
            b = a + rng.randint(4, 9)
            if re.match(r"\w", s[a]) and re.match(r"\w", s[b - 1]):
                return f"{s[:a]}**{s[a:b]}**{s[b:]}"
        return s

    def see(self, link):
        return f"詳しくは{link}を参照。"


class English:
    code = "en"
    joiner = " "
    link_texts = ["a related case", "the earlier report", "the support model", "background notes",
                  "the meeting record", "a similar programme", "the basic facts"]
    nouns = ("team region service network council programme budget clinic hospital community family worker "
             "nurse agency office plan review meeting survey report city district partner resident volunteer "
             "counsellor policy framework model process schedule workshop outreach project record pathway "
             "committee strategy guideline result practice method centre school station village unit").split()
    verbs = ("supports reviews connects improves coordinates expands measures builds organises maintains "
             "strengthens explains reduces tracks shares guides monitors describes prepares delivers evaluates "
             "links extends clarifies adapts protects").split()
    adjectives = ("local regional early practical shared flexible stable clear careful steady public private "
                  "daily weekly annual informal joint direct broad small rural urban simple reliable recent "
                  "current open long-term").split()
    adverbs = "steadily carefully often gradually jointly regularly clearly directly usually openly".split()
    prepositions = "with for across within through around among toward".split()
    openers = ["However,", "In practice,", "Over time,", "As a result,", "In many cases,", "At the same time,",
               "For this reason,", "In the first year,", "Later,", "Meanwhile,"]
    tails = ["as planned", "at no extra cost", "each month", "in every district", "over the winter", "for new residents"]

    def phrase(self, rng):
        noun = rng.choice(self.nouns)
        pick = rng.random()
        if pick < 0.4:
            return f"the {rng.choice(self.adjectives)} {noun}"
        if pick < 0.7:
            return f"the {noun}"
        if pick < 0.85:
            return f"each {rng.choice(self.nouns)} {noun}"
        adjective = rng.choice(self.adjectives)
        return f"{'an' if adjective[0] in 'aeiou' else 'a'} {adjective} {noun}"

    def title(self, rng, i):
        words = [rng.choice(self.adjectives), rng.choice(self.nouns), rng.choice(self.nouns)]
        return " ".join(w.capitalize() for w in words) + f" No. {i}"

    def sentence(self, rng):
        p, v = self.phrase, lambda: rng.choice(self.verbs)
        shape = rng.randrange(5)
        if shape == 0:
            s = f"{p(rng)} {v()} {p(rng)} {rng.choice(self.prepositions)} {p(rng)}."
        elif shape == 1:
            s = f"{p(rng)} {rng.choice(self.adverbs)} {v()} {p(rng)}, and {p(rng)} {v()} {p(rng)}."
        elif shape == 2:
            s = f"{rng.choice(self.openers)} {p(rng)} {v()} {p(rng)} {rng.choice(self.tails)}."
        elif shape == 3:
            s = f"when {p(rng)} {v()} {p(rng)}, {p(rng)} {rng.choice(self.adverbs)} {v()} {p(rng)}."
        else:
            s = f"{p(rng)} is {rng.choice(self.adjectives)}, but {p(rng)} {v()} {p(rng)}."
        return s[0].upper() + s[1:]

    def heading(self, rng):
        return " ".join([rng.choice(self.adjectives).capitalize(), rng.choice(self.nouns).capitalize(),
                         rng.choice(["and", "for", "in", "of"]), rng.choice(self.nouns).capitalize()])

    def item(self, rng):
        s = f"{self.phrase(rng)} {rng.choice(self.verbs)} {self.phrase(rng)}"
        return s[0].upper() + s[1:]

    def table(self, rng):
        rows = ["| Item | Owner | Count | Status |", "|---|---|---:|---|"]
        rows += [f"| {rng.choice(self.adjectives)} {rng.choice(self.nouns)} | {rng.choice(self.nouns)} | "
                 f"{rng.randint(1, 499)} | {rng.choice(['active', 'planned', 'done', 'paused', 'in review'])} |"
                 for _ in range(4)]
        return "\n".join(rows)

    def bold(self, rng, s):
        """One or two words of the sentence (not the first) in **…**, punctuation kept outside."""
        words = s.split(" ")
        if len(words) < 6:
            return s
        a = rng.randint(1, len(words) - 4)
        b = a + rng.randint(1, 2)
        run = " ".join(words[a:b])
        core = run.rstrip(",.")
        words[a:b] = [f"**{core}**{run[len(core):]}"]
        return " ".join(words)

    def see(self, link):
        return f"See {link}."


def link(rng, lang, n, i):
    """A link to another bundle, or None when there is no other."""
    if n < 2:
        return None
    j = rng.randint(1, n - 1)
    return f"[{rng.choice(lang.link_texts)}](../p{(j + 1 if j >= i else j):05d}/)"


def markdown(blocks, lang):
    out = []
    for kind, value in blocks:
        if kind in ("##", "###"):
            out.append(f"{kind} {value}")
        elif kind == "p":
            out.append(lang.joiner.join(value))
        elif kind == "list":
            out.append("\n".join(f"- {x}" for x in value))
        elif kind == "quote":
            out.append("> " + lang.joiner.join(value))
        else:
            out.append(value)
    return "\n\n".join(out) + "\n"


def page_body(rng, lang, n, i):
    size = rng.randint(4100, 5499)
    sections = rng.randint(3, 5)
    where = {kind: rng.randrange(sections) for kind in ("list", "table", "quote")}
    blocks, paragraphs = [], []

    def paragraph():
        p = ["p", [lang.sentence(rng)]]
        blocks.append(p)
        paragraphs.append(p)

    for s in range(sections):
        blocks.append(("##", lang.heading(rng)))
        paragraph()
        for _ in range(rng.randint(1, 2)):
            blocks.append(("###", lang.heading(rng)))
            paragraph()
        if where["list"] == s:
            items = [lang.item(rng) for _ in range(rng.randint(3, 5))]
            target = link(rng, lang, n, i)
            if target:
                items.append(target)
            blocks.append(("list", items))
        if where["table"] == s:
            blocks.append(("table", lang.table(rng)))
        if where["quote"] == s:
            blocks.append(("quote", [lang.sentence(rng), lang.sentence(rng)]))
    while len(markdown(blocks, lang).encode("utf-8")) < size:
        rng.choice(paragraphs)[1].append(lang.sentence(rng))
    for p in rng.sample(paragraphs, min(len(paragraphs), rng.randint(2, 4))):
        k = rng.randrange(len(p[1]))
        p[1][k] = lang.bold(rng, p[1][k])
    for p in rng.sample(paragraphs, min(len(paragraphs), rng.randint(2, 3))):
        target = link(rng, lang, n, i)
        if target:
            p[1].append(lang.see(target))
    return markdown(blocks, lang)


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="page bundles to write (each a ja and an en page)")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--ja-text", type=Path, default=DEFAULT_TEXT, help="UTF-8 Japanese text to take sentences from")
    args = ap.parse_args()
    if not 1 <= args.n <= 99999:
        sys.exit("gen_corpus: N must be between 1 and 99999")
    languages = [Japanese(*japanese(args.ja_text)), English()]
    args.outdir.mkdir(parents=True, exist_ok=True)
    (args.outdir / "site.yaml").write_text(
        'title:\n  ja: "ベンチマーク用サイト"\n  en: "Benchmark Site"\nlanguages: [ja, en]\ndefaultLanguage: ja\n'
        # the top pages list every page (several MB at 20,000 pages): a page budget for a listing that large,
        # so the corpus measures building, not the budget check refusing it
        'page_budget_kb: 100000\n',
        encoding="utf-8", newline="\n")
    order = list(range(1, args.n + 1))
    random.Random(f"order-{args.n}").shuffle(order)
    for i in range(1, args.n + 1):
        bundle = args.outdir / f"p{i:05d}"
        bundle.mkdir(exist_ok=True)
        for lang in languages:
            rng = random.Random(f"{lang.code}-{i}")
            text = f"---\ntitle: {quoted(lang.title(rng, i))}\norder: {order[i - 1]}\n---\n\n{page_body(rng, lang, args.n, i)}"
            (bundle / f"index.{lang.code}.md").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.n} bundles ({2 * args.n} pages) to {args.outdir}")


if __name__ == "__main__":
    main()
