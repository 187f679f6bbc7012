#!/usr/bin/env python3
"""Make clearly labelled PLACEHOLDER recordings for a language that Twilio
cannot speak (Nepali), with espeak-ng, until a person records them.

    apt-get install espeak-ng sox && pip install fluent.syntax
    python3 tools/placeholder-prompts.py ne          # from the repository root

It writes one 8 kHz mu-law mono WAV (what a telephone carries) for every key
the server can play in that language (see src/locale/fragments.rs):
  - a message without variables: prompts/<lang>/<id>.wav;
  - a message with variables: each piece of fixed text, <id>.<N>.wav, and
    each variant of each selector, <id>.<variant>.wav (a numeric variant:
    <id>.<variable>-<variant>.wav), cut the same way when a variant has
    variables of its own; variants chosen by a date's month or weekday are
    the shared month-N / weekday-xxx fragments;
  - the fragments of locales/<lang>/numbers.ftl (digit-N, number-N,
    number-hundred, number-thousand, decimal-point, month-N, weekday-xxx);
  - each school's name, school-<id>.wav, from absence-line.toml (names.<lang>,
    else names.en, else name).
Digits in the text are spoken as the language's words (from numbers.ftl),
so "1 थिच्नुहोस्" is not read "one थिच्नुहोस्".

Re-runnable: prompts/<lang>/placeholders.tsv lists the files this tool made
and the text each says. A file not listed there is a person's recording and
is never touched; a listed one is remade when its text changed and removed
when its key no longer exists.
"""
import glob
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import tomllib

from fluent.syntax import FluentParser, ast

lang = sys.argv[1] if len(sys.argv) > 1 else "ne"
config_path = sys.argv[2] if len(sys.argv) > 2 else "absence-line.toml"
voice = {"ne": "ne"}.get(lang, lang)
out_dir = os.path.join("prompts", lang)
manifest_path = os.path.join(out_dir, "placeholders.tsv")


def plain(pattern):
    return all(isinstance(e, ast.TextElement) for e in pattern.elements)


def speakable(text):
    return any(c.isalnum() for c in text)


def variant_name(v):
    if isinstance(v.key, ast.NumberLiteral):
        return v.key.value, True
    return v.key.name, False


def recordable(prefix, pattern, out, depth=0):
    """The keys of src/locale/fragments.rs `recordable`, with their text."""
    if plain(pattern) or depth > 8:
        text = "".join(e.value for e in pattern.elements if isinstance(e, ast.TextElement))
        if speakable(text):
            out[prefix] = text.strip()
        return
    pieces = 0
    for e in pattern.elements:
        if isinstance(e, ast.TextElement):
            pieces += 1
            if speakable(e.value):
                out[f"{prefix}.{pieces}"] = e.value.strip()
        elif isinstance(e.expression, ast.SelectExpression):
            sel = e.expression.selector
            var = sel.id.name if isinstance(sel, ast.VariableReference) else "select"
            for v in e.expression.variants:
                name, numeric = variant_name(v)
                shared = any(var.endswith("-" + s) for s in ("month", "weekday"))
                if shared and not v.default and plain(v.value):
                    continue  # recorded once, as month-N / weekday-xxx
                key = f"{prefix}.{var}-{name}" if numeric else f"{prefix}.{name}"
                recordable(key, v.value, out, depth + 1)


keys = {}
for path in sorted(glob.glob(os.path.join("locales", lang, "*.ftl"))):
    res = FluentParser().parse(open(path, encoding="utf-8").read())
    for entry in res.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            recordable(entry.id.name, entry.value, keys)

# Numbers as words, for digits inside prompt text.
words = {int(k[len("number-"):]): v for k, v in keys.items() if re.fullmatch(r"number-\d+", k)}


def say_number(n):
    if n in words:
        return words[n]
    if n < 100_000 and "number-hundred" in keys:
        parts = []
        th, rest = divmod(n, 1000)
        if th:
            parts += [say_number(th), keys.get("number-thousand", "")]
        h, rest = divmod(rest, 100)
        if h:
            parts += [say_number(h), keys["number-hundred"]]
        if rest:
            parts.append(say_number(rest))
        return " ".join(parts)
    return " ".join(keys.get(f"digit-{d}", d) for d in str(n))


def spoken(text):
    def decimal(m):
        whole, frac = m.group(1), m.group(2)
        point = keys.get("decimal-point", ".")
        return " ".join([say_number(int(whole)), point] + [keys.get(f"digit-{d}", d) for d in frac])

    if not words:
        return text
    text = re.sub(r"(\d+)[.,](\d+)", decimal, text)
    return re.sub(r"\d+", lambda m: say_number(int(m.group(0))), text)


config = tomllib.load(open(config_path, "rb")) if os.path.exists(config_path) else {}
for school_id, school in config.get("schools", {}).items():
    names = school.get("names", {})
    keys[f"school-{school_id}"] = names.get(lang) or names.get("en") or school.get("name", school_id)

os.makedirs(out_dir, exist_ok=True)
made_before = {}
if os.path.exists(manifest_path):
    for line in open(manifest_path, encoding="utf-8"):
        if "\t" in line and not line.startswith("#"):
            key, digest = line.rstrip("\n").split("\t", 1)
            made_before[key] = digest


def exists(key):
    return [os.path.join(out_dir, key + ext) for ext in (".wav", ".mp3") if os.path.exists(os.path.join(out_dir, key + ext))]


made, kept, removed, manifest = 0, 0, 0, {}
for key, text in sorted(keys.items()):
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    if exists(key) and key not in made_before:
        kept += 1  # a person's recording
        continue
    manifest[key] = digest
    if exists(key) and made_before.get(key) == digest:
        continue
    target = os.path.join(out_dir, key + ".wav")
    with tempfile.NamedTemporaryFile(suffix=".wav") as raw:
        subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", raw.name, spoken(text)], check=True)
        subprocess.run(["sox", raw.name, "-r", "8000", "-c", "1", "-b", "8", "-e", "u-law", target], check=True)
    made += 1
for key in sorted(set(made_before) - set(manifest)):
    for path in exists(key):
        os.remove(path)
        removed += 1
with open(manifest_path, "w", encoding="utf-8") as f:
    f.write("# Placeholder recordings made by tools/placeholder-prompts.py (key, hash of the text).\n")
    f.write("# Replace a file with a person's recording and delete its line here.\n")
    for key, digest in sorted(manifest.items()):
        f.write(f"{key}\t{digest}\n")
print(f"{out_dir}: {made} placeholders made, {removed} stale ones removed, {kept} recordings by people kept")
