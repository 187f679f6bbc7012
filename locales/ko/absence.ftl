### Voice prompts for the absence line (ko). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = 한국어 안내는 4번을 눌러 주세요.
