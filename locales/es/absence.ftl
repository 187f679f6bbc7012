### Voice prompts for the absence line (es). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = Para español, marque 8.
