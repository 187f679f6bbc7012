### Voice prompts for the absence line (ne). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = नेपाली भाषाका लागि 9 थिच्नुहोस्।
