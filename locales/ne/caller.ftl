### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.
### Nepali has no text-to-speech voice, and a child's name cannot be a recording
### made in advance: Nepali callers always hear grade and class instead, so
### $child-name only chooses the variant here.

change-language = भाषा बदल्न जुनसुकै बेला तारा चिन्ह थिच्नुहोस्।

known-child = { $known ->
        [all] यो सूचना तपाईंका सबै { $known-count } जना बच्चाका लागि हो।
       *[other] { $child-name ->
            [unnamed] यो सूचना कक्षा { $grade }, सेक्सन { $class } मा पढ्ने तपाईंको बच्चाका लागि हो।
           *[other] यो सूचना कक्षा { $grade }, सेक्सन { $class } मा पढ्ने तपाईंको बच्चाका लागि हो।
        }
    }
ask-kind-other-child = अर्को बच्चाको सूचना भए 0 थिच्नुहोस्।

pick-child = कुन बच्चाको सूचना दिनुहुन्छ?
pick-child-option = { $child-name ->
        [unnamed] कक्षा { $grade }, सेक्सन { $class }: { $key }।
       *[other] कक्षा { $grade }, सेक्सन { $class }: { $key }।
    }
pick-child-all = सबै बच्चा: 9।
pick-child-other = अर्को बच्चा: 0।

summary-child = तपाईंको सूचना जाँचौं। { $child-name ->
        [unnamed] कक्षा { $grade }, सेक्सन { $class } को बच्चा।
       *[other] कक्षा { $grade }, सेक्सन { $class } को बच्चा।
    }
summary-family = तपाईंको सूचना जाँचौं। यो सबै { $known-count } जना बच्चाका लागि हो।
summary-family-child = { $child-name ->
        [unnamed] कक्षा { $grade }, सेक्सन { $class } को बच्चा।
       *[other] कक्षा { $grade }, सेक्सन { $class } को बच्चा।
    }
saved-family = हरेक बच्चाको सूचना छुट्टाछुट्टै दर्ता भयो। दर्ता नम्बरहरू { $reference-digits } हुन्। फेरि भन्छौं, दर्ता नम्बरहरू { $reference-digits } हुन्।
