### Voice prompts for the absence line (vi). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = Tiếng Việt, xin vui lòng bấm phím 5.
