### Fragments for saying values from recordings alone (Nepali has no
### text-to-speech voice): each message here is recorded as
### prompts/ne/<id>.wav and read-backs are assembled from them.
### digit-N: one digit of a student number or a reference, said alone.
### number-N: a whole number (grade, class, day of the month, hour, minute,
### the whole degrees of a temperature); above 99 it is said with
### number-hundred and number-thousand (1234: एक हजार दुई सय चौँतीस).
### decimal-point: between the whole degrees and the tenths (38.5: अठतीस
### दशमलव पाँच). month-N, weekday-xxx: a date's month and weekday, shared by
### every read-back that names a date.
### Numbers as Nepali words, not digits: these texts are read aloud.

## Digits

digit-0 = शून्य
digit-1 = एक
digit-2 = दुई
digit-3 = तीन
digit-4 = चार
digit-5 = पाँच
digit-6 = छ
digit-7 = सात
digit-8 = आठ
digit-9 = नौ

## Numbers

number-0 = शून्य
number-1 = एक
number-2 = दुई
number-3 = तीन
number-4 = चार
number-5 = पाँच
number-6 = छ
number-7 = सात
number-8 = आठ
number-9 = नौ
number-10 = दश
number-11 = एघार
number-12 = बाह्र
number-13 = तेह्र
number-14 = चौध
number-15 = पन्ध्र
number-16 = सोह्र
number-17 = सत्र
number-18 = अठार
number-19 = उन्नाइस
number-20 = बीस
number-21 = एक्काइस
number-22 = बाइस
number-23 = तेइस
number-24 = चौबीस
number-25 = पच्चीस
number-26 = छब्बीस
number-27 = सत्ताइस
number-28 = अट्ठाइस
number-29 = उनन्तीस
number-30 = तीस
number-31 = एकतीस
number-32 = बत्तीस
number-33 = तेत्तीस
number-34 = चौँतीस
number-35 = पैँतीस
number-36 = छत्तीस
number-37 = सैँतीस
number-38 = अठतीस
number-39 = उनन्चालीस
number-40 = चालीस
number-41 = एकचालीस
number-42 = बयालीस
number-43 = त्रिचालीस
number-44 = चवालीस
number-45 = पैँतालीस
number-46 = छयालीस
number-47 = सतचालीस
number-48 = अठचालीस
number-49 = उनन्चास
number-50 = पचास
number-51 = एकाउन्न
number-52 = बाउन्न
number-53 = त्रिपन्न
number-54 = चउन्न
number-55 = पचपन्न
number-56 = छपन्न
number-57 = सन्ताउन्न
number-58 = अन्ठाउन्न
number-59 = उनन्साठी
number-60 = साठी
number-61 = एकसट्ठी
number-62 = बयसट्ठी
number-63 = त्रिसट्ठी
number-64 = चौसट्ठी
number-65 = पैँसट्ठी
number-66 = छयसट्ठी
number-67 = सतसट्ठी
number-68 = अठसट्ठी
number-69 = उनन्सत्तरी
number-70 = सत्तरी
number-71 = एकहत्तर
number-72 = बहत्तर
number-73 = त्रिहत्तर
number-74 = चौहत्तर
number-75 = पचहत्तर
number-76 = छयहत्तर
number-77 = सतहत्तर
number-78 = अठहत्तर
number-79 = उनासी
number-80 = असी
number-81 = एकासी
number-82 = बयासी
number-83 = त्रियासी
number-84 = चौरासी
number-85 = पचासी
number-86 = छयासी
number-87 = सतासी
number-88 = अठासी
number-89 = उनान्नब्बे
number-90 = नब्बे
number-91 = एकानब्बे
number-92 = बयानब्बे
number-93 = त्रियानब्बे
number-94 = चौरानब्बे
number-95 = पन्चानब्बे
number-96 = छयानब्बे
number-97 = सन्तानब्बे
number-98 = अन्ठानब्बे
number-99 = उनान्सय
number-hundred = सय
number-thousand = हजार
decimal-point = दशमलव

## Months and weekdays

month-1 = जनवरी
month-2 = फेब्रुअरी
month-3 = मार्च
month-4 = अप्रिल
month-5 = मे
month-6 = जुन
month-7 = जुलाई
month-8 = अगस्ट
month-9 = सेप्टेम्बर
month-10 = अक्टोबर
month-11 = नोभेम्बर
month-12 = डिसेम्बर
weekday-mon = सोमबार
weekday-tue = मङ्गलबार
weekday-wed = बुधबार
weekday-thu = बिहीबार
weekday-fri = शुक्रबार
weekday-sat = शनिबार
weekday-sun = आइतबार
