### Voice prompts for the absence line (fil). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = Para sa Filipino, pindutin ang 6.
