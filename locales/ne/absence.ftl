### Voice prompts for the absence line, in Nepali (Devanagari).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### There is no text-to-speech voice for Nepali: these texts are read aloud
### and recorded. Short sentences, no symbols.
### Write the keys to press in Devanagari numerals ("१ थिच्नुहोस्"): whoever records
### a prompt reads them as Nepali words (एक), as espeak-ng -v ne does for the
### placeholders, and lint still hears which key is offered. Every other number
### is written as a Nepali word ("अठतीस दशमलव पाँच डिग्री", "चार देखि आठ अङ्क").
### The # key is "ह्यास बटन". Options as "बिरामी भए १, चोटपटक भए २ … थिच्नुहोस्";
### an error says what was wrong, the prompt after it gives the example.
### Address the parent as "तपाईं" with respectful verb forms.
### Dates read as "नोभेम्बर २५, बुधबार"; times as "९ बजेर ३० मिनेट", "९ बजे".

## Common

no-input = माफ गर्नुहोस्, तपाईंले कुनै बटन थिच्नुभएन।
no-match = माफ गर्नुहोस्, त्यो विकल्प छैन।
give-up = माफ गर्नुहोस्, हामीले तपाईंको सूचना दर्ता गर्न सकेनौं। कृपया विद्यालयमा सिधै फोन गर्नुहोस्। धन्यवाद।
# Spoken when the system fails internally; the call then ends.
error-apology = माफ गर्नुहोस्, सिस्टममा समस्या आएकाले तपाईंको सूचना दर्ता गर्न सकिएन। कृपया विद्यालयमा सिधै सम्पर्क गर्नुहोस्। धन्यवाद।
error-busy = माफ गर्नुहोस्, अहिले लाइन धेरै व्यस्त छ। केही मिनेटपछि फेरि फोन गर्नुहोस्। धन्यवाद।

## 1. Greeting and language menu

welcome = { $school }को अनुपस्थिति सूचना लाइनमा स्वागत छ।
# Each locale names its own language, in that language, with its own key.
language-option = नेपाली, ९।

## 2. Student number

ask-student = बच्चाको विद्यार्थी नम्बर थिचेर ह्यास बटन थिच्नुहोस्।
help-student = विद्यालयले दिएको चार देखि आठ अङ्कको विद्यार्थी नम्बर फोनका बटनबाट थिचेर ह्यास बटन थिच्नुहोस्।
ask-student-fixed = बच्चाको { $student-length } अङ्कको विद्यार्थी नम्बर थिच्नुहोस्।
help-student-fixed = विद्यालयले दिएको { $student-length } अङ्कको विद्यार्थी नम्बर फोनका बटनबाट थिच्नुहोस्।
student-wrong-length = विद्यार्थी नम्बर चार देखि आठ अङ्कको हुन्छ।
student-wrong-length-fixed = विद्यार्थी नम्बर { $student-length } अङ्कको हुन्छ।
student-not-found = माफ गर्नुहोस्, विद्यार्थी नम्बर { $keyed-digits } भेटिएन।
# Spoken after the student number could not be found three times.
voice-message = बिप आवाजपछि बच्चाको नाम, कक्षा, सेक्सन र तपाईंको सन्देश भन्नुहोस्, अनि ह्यास बटन थिच्नुहोस्।
voice-message-not-found = माफ गर्नुहोस्, त्यो विद्यार्थी नम्बर भेटिएन।
# After repeated failures at a later step, once the child is known.
voice-message-child = माफ गर्नुहोस्, सूचना पूरा गर्न सकिएन। बिप आवाजपछि विद्यालयलाई भन्न चाहेको कुरा भन्नुहोस्, अनि ह्यास बटन थिच्नुहोस्।

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] { $today-month ->
            [1] जनवरी
            [2] फेब्रुअरी
            [3] मार्च
            [4] अप्रिल
            [5] मे
            [6] जुन
            [7] जुलाई
            [8] अगस्ट
            [9] सेप्टेम्बर
            [10] अक्टोबर
            [11] नोभेम्बर
            [12] डिसेम्बर
           *[other] महिना { $today-month }, दिन
        } { $today-day }{ $today-weekday ->
            [mon] , सोमबार
            [tue] , मङ्गलबार
            [wed] , बुधबार
            [thu] , बिहीबार
            [fri] , शुक्रबार
            [sat] , शनिबार
            [sun] , आइतबार
           *[other] {""}
        } बिरामी भएर नआउने भए १,
       *[other] आज बिरामी भएर नआउने भए १,
    } अरू कारण वा अर्को दिन भए २, ढिलो आउने भए ३, चाँडै घर जाने भए ४ थिच्नुहोस्।
help-kind = बच्चा आज बिरामी भएर विद्यालय नआउने भए १ थिच्नुहोस्। अरू कारणले, वा आज बाहेक अर्को दिन नआउने भए २ थिच्नुहोस्। ढिलो आउने भए ३ थिच्नुहोस्। चाँडै घर जानुपर्ने भए ४ थिच्नुहोस्।

## 5. Reason, symptom, temperature, disease

ask-reason = बिरामी भए १, चोटपटक भए २, अस्पताल जाँच भए ३, पारिवारिक काम भए ४, परिवारमा शोक भए ५, विद्यालय आउन नमिल्ने सरुवा रोग भए ६, अन्य कारण भए ९ थिच्नुहोस्।
help-reason = अनुपस्थित हुने, ढिलो आउने वा चाँडै घर जाने कारण छान्नुहोस्। बच्चालाई सञ्चो नभएमा १ थिच्नुहोस्। चोटपटक लागेमा २ थिच्नुहोस्। अस्पताल वा क्लिनिकमा जाँचको समय लिएको भए ३ थिच्नुहोस्। पारिवारिक काम भए ४ थिच्नुहोस्। परिवारमा कसैको निधन भए ५ थिच्नुहोस्। डाक्टरले इन्फ्लुएन्जा जस्तो सरुवा रोग भनेकाले विद्यालय आउन नमिल्ने भए ६ थिच्नुहोस्। अन्य कुनै कारण भए ९ थिच्नुहोस्।

ask-symptom = सबै लक्षण थिच्नुहोस्। ज्वरो १, खोकी, घाँटी दुखाइ वा रुघा २, पखाला वा पेट दुखाइ ३, वाकवाकी वा बान्ता ४, टाउको दुखाइ ५, छालामा दाना ६, अन्य ९।
help-symptom = बच्चाका सबै लक्षणका नम्बर एकपछि अर्को गर्दै थिच्नुहोस्। ज्वरो आएको छ भने १ थिच्नुहोस्। खोकी लागेको, घाँटी दुखेको वा नाक बगेको छ भने २ थिच्नुहोस्। पखाला लागेको वा पेट दुखेको छ भने ३ थिच्नुहोस्। वाकवाकी लागेको वा बान्ता भएको छ भने ४ थिच्नुहोस्। टाउको दुखेको छ भने ५ थिच्नुहोस्। छालामा दाना आएको छ भने ६ थिच्नुहोस्। अन्य कुनै लक्षण छ भने ९ थिच्नुहोस्। जस्तै, ज्वरो र खोकी दुवै छ भने १ अनि २ थिच्नुहोस्। थिचिसकेपछि अलिकति पर्खनुहोस्।

ask-temperature = तापक्रम थिच्नुहोस्, जस्तै अठतीस दशमलव पाँच भए ३, ८, ५। नापेको छैन भने ह्यास बटन थिच्नुहोस्।
help-temperature = तापक्रम डिग्री सेल्सियसमा, दशमलव नथिची तीन अङ्कमा थिच्नुहोस्। जस्तै, सैंतीस दशमलव आठ डिग्री भए ३, ७, ८ थिच्नुहोस्। ठ्याक्कै अठतीस डिग्री भए ३, ८, ० थिच्नुहोस्। तापक्रम नापेको छैन वा थाहा छैन भने ह्यास बटन मात्र थिच्नुहोस्।
temperature-invalid = माफ गर्नुहोस्, तापक्रम पैंतीस देखि बयालीस डिग्रीभित्र हुनुपर्छ।

ask-disease = इन्फ्लुएन्जा भए १, कोभिड भए २, पेटको सरुवा संक्रमण भए ३, स्ट्रेप घाँटी संक्रमण भए ४, ठेउला भए ५, हाँडे भए ६, घाँटी र आँखाको ज्वरो भए ७, हात, खुट्टा र मुखको रोग भए ८, अन्य सरुवा रोग भए ९ थिच्नुहोस्।
help-disease = डाक्टरले पत्ता लगाएको रोग छान्नुहोस्। इन्फ्लुएन्जा भए १ थिच्नुहोस्। कोभिड भए २ थिच्नुहोस्। नोरोभाइरस जस्ता कारणले हुने पेटको सरुवा संक्रमण भए ३ थिच्नुहोस्। स्ट्रेप्टोकोकस ब्याक्टेरियाले गर्ने घाँटीको संक्रमण भए ४ थिच्नुहोस्। ठेउला भए ५ थिच्नुहोस्। हाँडे भए ६ थिच्नुहोस्। एडिनोभाइरसले गर्ने घाँटी र आँखाको ज्वरो भए ७ थिच्नुहोस्। हात, खुट्टा र मुखको रोग भए ८ थिच्नुहोस्। अन्य कुनै सरुवा रोग भए ९ थिच्नुहोस्।

## 6. Day and time

ask-day = आज भए १, विद्यालय खुल्ने अर्को दिन भए २, आजदेखि केही दिन भए ३ थिच्नुहोस्।
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $today-month }, दिन
    } { $today-day }{ $today-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } भए १, { $next-day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $next-day-month }, दिन
    } { $next-day-day }{ $next-day-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } भए २, { $today-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $today-month }, दिन
    } { $today-day }{ $today-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } देखि केही दिन भए ३ थिच्नुहोस्।
ask-arrival-time = बच्चा आइपुग्ने समय चौबीस घण्टाको ढाँचामा थिच्नुहोस्, जस्तै साढे नौ बजे भए ९, ३, ०, अनि ह्यास बटन थिच्नुहोस्।
ask-pickup-time = बच्चालाई लिन आउने समय चौबीस घण्टाको ढाँचामा थिच्नुहोस्, जस्तै तेह्र बजेर पन्ध्र मिनेट भए १, ३, १, ५, अनि ह्यास बटन थिच्नुहोस्।
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = यो { $day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $day-month }, दिन
    } { $day-day }{ $day-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } को लागि हो।
help-time = पहिले घण्टा, अनि मिनेट, चौबीस घण्टाको ढाँचामा थिचेर ह्यास बटन थिच्नुहोस्। जस्तै, बिहान साढे नौ बजे भए ९, ३, ० थिच्नुहोस्। दिउँसो सवा एक बजे भए १, ३, १, ५ थिच्नुहोस्।
time-invalid = माफ गर्नुहोस्, त्यो समय मिलेन।

## 7. Message for the teacher

record-message = बिप आवाजपछि कक्षा शिक्षकलाई साठी सेकेन्डभित्र सन्देश भन्नुहोस्, अनि ह्यास बटन थिच्नुहोस्। त्यसपछि सूचना दर्ता हुन्छ।

## 8. Read-back

summary-student = विद्यार्थी नम्बर { $student-digits }, कक्षा { $grade }, सेक्सन { $class }, रोल नम्बर { $number }।
# The read-back at a school without a roster.
summary-student-number = विद्यार्थी नम्बर { $student-digits }।
summary-kind = { $day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $day-month }, दिन
    } { $day-day }{ $day-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } { $kind ->
        [absence] अनुपस्थिति।
        [late] ढिलो आउने।
        [early] चाँडै घर जाने।
       *[other] को सूचना।
    }
# Read as "९ बजेर ३० मिनेट" or "९ बजे". The minute keys follow the English file.
summary-time = { $kind ->
        [late] विद्यालय आइपुग्ने समय
        [early] तपाईं बच्चालाई लिन आउनुहुने समय
       *[other] समय
    } { $time-minute ->
        [0] { $time-hour } बजे
        [1] { $time-hour } बजेर १ मिनेट
        [2] { $time-hour } बजेर २ मिनेट
        [3] { $time-hour } बजेर ३ मिनेट
        [4] { $time-hour } बजेर ४ मिनेट
        [5] { $time-hour } बजेर ५ मिनेट
        [6] { $time-hour } बजेर ६ मिनेट
        [7] { $time-hour } बजेर ७ मिनेट
        [8] { $time-hour } बजेर ८ मिनेट
        [9] { $time-hour } बजेर ९ मिनेट
       *[other] { $time-hour } बजेर { $time-minute } मिनेट
    } हो।
summary-reason = { $reason ->
        [illness] बिरामी।
        [injury] चोटपटक।
        [medical] अस्पताल वा क्लिनिकमा जाँच।
        [family] पारिवारिक काम।
        [bereavement] परिवारमा शोक।
        [infectious] विद्यालय आउन नमिल्ने सरुवा रोग।
       *[other] अन्य कारण।
    }
summary-symptom = लक्षण { $symptom-list }।
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] ज्वरो
        [headache] टाउको दुखाइ
        [respiratory] खोकी वा रुघा
        [diarrhoea] पखाला वा पेट दुखाइ
        [vomiting] वाकवाकी वा बान्ता
        [rash] छालामा दाना
       *[other] अन्य लक्षण
    }
list-and = { $first } र { $last }
list-comma = { $first }, { $rest }
summary-temperature = तापक्रम { $temperature } डिग्री।
summary-disease = रोग { $disease ->
        [influenza] इन्फ्लुएन्जा हो।
        [covid-19] कोभिड हो।
        [gastroenteritis] पेटको सरुवा संक्रमण हो।
        [strep] स्ट्रेप्टोकोकसले गर्ने घाँटीको संक्रमण हो।
        [chickenpox] ठेउला हो।
        [mumps] हाँडे हो।
        [pharyngoconjunctival-fever] घाँटी र आँखाको ज्वरो हो।
        [hand-foot-mouth] हात, खुट्टा र मुखको रोग हो।
       *[other] अन्य सरुवा रोग हो।
    }
summary-confirm = दर्ता गर्न १, फेरि सुरु गर्न २, शिक्षकलाई सन्देशसहित दर्ता गर्न ३ थिच्नुहोस्।
restart = ल, विद्यार्थी नम्बरबाट फेरि सुरु गरौं।

## 9. Saving and goodbye

saved = सूचना दर्ता भयो। दर्ता नम्बर { $reference-digits } हो।
ask-another = अर्को बच्चाका लागि १ थिच्नुहोस्।
goodbye = सूचना दिनुभएकोमा धन्यवाद। नमस्कार।

# A reload removed the step the call was at; it starts again at the student number.
resumed = माफ गर्नुहोस्। सेवामा परिवर्तन भएकाले, विद्यार्थी नम्बरबाट फेरि सुरु गरौं।

## 6b. Several days

ask-day-count = विद्यालय खुल्ने कति दिन? एक देखि नौ सम्मको एउटा अङ्क थिच्नुहोस्।
help-day-count = आज पनि गनेर, विद्यालय खुल्ने दिन मात्र गन्दै, अनुपस्थित हुने दिनको सङ्ख्या एक देखि नौ सम्मको अङ्कमा थिच्नुहोस्। शनिबार, आइतबार र बिदाका दिन गनिँदैनन्। जस्तै, आजदेखि तीन दिन अनुपस्थित हुने भए ३ थिच्नुहोस्।
day-count-invalid = एक देखि नौ सम्मको एउटा अङ्क थिच्नुहोस्।
summary-days = { $day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $day-month }, दिन
    } { $day-day }{ $day-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } देखि { $last-day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $last-day-month }, दिन
    } { $last-day-day }{ $last-day-weekday ->
        [mon] , सोमबार
        [tue] , मङ्गलबार
        [wed] , बुधबार
        [thu] , बिहीबार
        [fri] , शुक्रबार
        [sat] , शनिबार
        [sun] , आइतबार
       *[other] {""}
    } सम्म, विद्यालय खुल्ने { $days } दिन अनुपस्थित।

## 6c. A report that was already made

already-reported = तपाईंको बच्चाको { $existing-day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $existing-day-month }, दिन
    } { $existing-day-day } को सूचना पहिल्यै दर्ता भइसकेको छ। त्यो { $existing-kind ->
        [absence] अनुपस्थितिको सूचना
        [late] ढिलो आउने सूचना
        [early] चाँडै घर जाने सूचना
       *[other] आवाज सन्देश
    } हो, र त्यसको दर्ता नम्बर { $existing-reference-digits } हो।
ask-correction = पहिलेको सूचनालाई यो नयाँ सूचनाले बदल्न १ थिच्नुहोस्। पहिलेको सूचना रद्द गर्न २ थिच्नुहोस्। पहिलेको सूचना जस्ताको तस्तै राख्न ३ थिच्नुहोस्।
confirm-cancel = { $existing-day-month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] महिना { $existing-day-month }, दिन
    } { $existing-day-day } को सूचना रद्द गरिनेछ। रद्द गर्न १ थिच्नुहोस्। रद्द नगर्ने भए २ थिच्नुहोस्।
cancelled = सूचना रद्द गरियो। दर्ता नम्बर { $reference-digits } हो।
kept = पहिलेको सूचना जस्ताको तस्तै राखियो।
summary-replaces = यो सूचनाले पहिलेको सूचनालाई बदल्नेछ।
already-reported-several = यो सूचनाका दिनहरूमा तपाईंको बच्चाका { $existing-count } वटा सूचना पहिल्यै दर्ता भइसकेका छन्। तिनका दर्ता नम्बर { $existing-references-digits } हुन्।
confirm-cancel-several = यी सबै सूचना रद्द गरिनेछन्। रद्द गर्न १ थिच्नुहोस्। रद्द नगर्ने भए २ थिच्नुहोस्।
cancelled-several = सूचनाहरू रद्द गरिए। तिनका दर्ता नम्बर { $existing-references-digits } हुन्।
