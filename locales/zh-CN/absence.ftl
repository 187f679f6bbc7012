### Voice prompts for the absence line (zh-CN). Only the language menu entry so far;
### the other messages fall back to the reference locale until translated.

language-option = 中文服务，请按3。
