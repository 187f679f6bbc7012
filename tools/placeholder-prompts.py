#!/usr/bin/env python3
"""Make clearly labelled PLACEHOLDER recordings for a language that Twilio
cannot speak (Nepali), with espeak-ng, until a person records them.

    apt-get install espeak-ng sox && pip install fluent.syntax
    python3 tools/placeholder-prompts.py ne

For every message of locales/<lang>/*.ftl without variables it writes
prompts/<lang>/<message-id>.wav (8 kHz µ-law mono WAV: what a telephone
carries) unless a recording is already there, so human recordings are never
overwritten. Messages with variables (read-backs) are not made: callers hear
those through the language's fallback chain.
"""
import glob
import os
import subprocess
import sys
import tempfile

from fluent.syntax import FluentParser, ast

lang = sys.argv[1] if len(sys.argv) > 1 else "ne"
voice = {"ne": "ne"}.get(lang, lang)
out_dir = os.path.join("prompts", lang)
os.makedirs(out_dir, exist_ok=True)
made = 0
for path in sorted(glob.glob(os.path.join("locales", lang, "*.ftl"))):
    res = FluentParser().parse(open(path, encoding="utf-8").read())
    for entry in res.body:
        if not isinstance(entry, ast.Message) or entry.value is None:
            continue
        if any(not isinstance(e, ast.TextElement) for e in entry.value.elements):
            continue
        text = "".join(e.value for e in entry.value.elements).strip()
        target = os.path.join(out_dir, entry.id.name + ".wav")
        if any(os.path.exists(os.path.join(out_dir, entry.id.name + ext)) for ext in (".wav", ".mp3")):
            continue
        with tempfile.NamedTemporaryFile(suffix=".wav") as raw:
            subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", raw.name, text], check=True)
            subprocess.run(["sox", raw.name, "-r", "8000", "-c", "1", "-b", "8", "-e", "u-law", target], check=True)
        made += 1
print(f"{made} placeholder recordings written to {out_dir}")
