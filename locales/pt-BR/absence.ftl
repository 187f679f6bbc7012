### Voice prompts for the absence line (pt-BR). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = Para português, tecle 7.
