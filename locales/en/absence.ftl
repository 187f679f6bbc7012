### Voice prompts for the absence line, in English.
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech: short sentences, no symbols.
### Write keys as digits, and the # key as "the hash key".

## Common

no-input = Sorry, we did not receive any input.
no-match = Sorry, that key is not one of the options.
give-up = We are sorry, but we could not take your report. Please call the school directly. Goodbye.
# Spoken when the system fails internally; the call then ends.
error-apology = We are very sorry. A system problem has occurred, and we could not take your report. Please contact the school directly. Goodbye.
# Spoken when the line is too busy to take the call; the call then ends.
error-busy = We are sorry. The line is very busy right now. Please call again in a few minutes. Goodbye.

## 1. Greeting and language menu

welcome = Thank you for calling the absence line for { $school }.
# Each locale names its own language, in that language, with its own key.
language-option = For English, press 2.

## 2. Student number

ask-student = Please enter your child's student number, then press the hash key.
help-student = Using the keypad, enter the student number the school gave you, 4 to 8 digits, then press the hash key, which is also called the pound key.
student-not-found = We could not find the student number { $keyed-digits }.
ask-student-fixed = Enter the { $student-length }-digit student number.
help-student-fixed = Using the keypad, enter the { $student-length }-digit student number the school gave you.
student-wrong-length = A student number has 4 to 8 digits.
student-wrong-length-fixed = A student number has { $student-length } digits.
# Spoken before voice-message when a number was keyed but never found.
voice-message-not-found = We could not find that student number.
# Spoken after three tries at the student number.
voice-message = After the beep, please tell us your child's name, grade and class, and your message. Then press the hash key.
# After repeated failures at a later step, once the child is known.
voice-message-child = We could not complete your report. After the beep, please tell us your message for the school. Then press the hash key.

## 4. Type of report

ask-kind = { $today-moved ->
        [yes] Absent on { $today-weekday ->
            [mon] Monday
            [tue] Tuesday
            [wed] Wednesday
            [thu] Thursday
            [fri] Friday
            [sat] Saturday
            [sun] Sunday
           *[other] {""}
        } { $today-day } { $today-month ->
            [1] January
            [2] February
            [3] March
            [4] April
            [5] May
            [6] June
            [7] July
            [8] August
            [9] September
            [10] October
            [11] November
            [12] December
           *[other] month { $today-month }
        } because of illness, 1.
       *[other] Absent today because of illness, 1.
    } Absent for another reason or on another day, 2. Late, 3. Leaving early, 4.
help-kind = If your child is ill and will miss school, press 1. If your child will miss school for another reason, or on another day, press 2. If your child will arrive late, press 3. If your child needs to leave early, press 4.
## 5. Reason, symptom, temperature, disease

ask-reason = Illness, 1. Injury, 2. Medical appointment, 3. Family reasons, 4. Bereavement, 5. Infectious disease that requires staying home, 6. Other, 9.
help-reason = Please choose the reason for the absence, late arrival or early leave. If your child is unwell, press 1. If your child has been injured, press 2. If your child has a hospital or clinic appointment, press 3. For family reasons, press 4. For a death in the family, press 5. If a doctor has diagnosed an infectious disease, such as influenza, that means your child must stay home from school, press 6. For any other reason, press 9.

ask-symptom = Press every symptom that applies. Fever, 1. Cough, sore throat or runny nose, 2. Diarrhoea or stomach ache, 3. Nausea or vomiting, 4. Headache, 5. Rash, 6. Other, 9.
help-symptom = Please tell us every symptom your child has. You can press several numbers, one after the other. If your child has a fever, press 1. If your child has a cough, a sore throat or a runny nose, press 2. If your child has diarrhoea or a stomach ache, press 3. If your child feels sick or has been vomiting, press 4. If your child has a headache, press 5. If your child has a rash, press 6. For any other symptom, press 9. For example, for a fever and a cough, press 1 and then 2. When you have finished, just wait.
ask-temperature = Enter the temperature in three digits. For 38.5, press 3 8 5. Not taken: the hash key.
help-temperature = Enter the temperature in degrees Celsius as three digits, without the decimal point: for 37.8 degrees, press 3 7 8; for exactly 38 degrees, press 3 8 0. If you do not know it, press only the hash key.
temperature-invalid = Sorry, the temperature must be between 35 and 42 degrees.
ask-disease = Influenza, 1. COVID-19, 2. Infectious gastroenteritis, 3. Strep throat, 4. Chickenpox, 5. Mumps, 6. Pharyngoconjunctival fever, 7. Hand, foot and mouth disease, 8. Other, 9.
help-disease = Please choose the disease your child has been diagnosed with by a doctor. For influenza, press 1. For COVID-19, press 2. For infectious gastroenteritis, such as norovirus, press 3. For strep throat, a streptococcal infection, press 4. For chickenpox, press 5. For mumps, press 6. For pharyngoconjunctival fever, an adenovirus infection also called pool fever, press 7. For hand, foot and mouth disease, press 8. For any other infectious disease, press 9.

## 6. Day and time

ask-day = Today, 1. The next school day, 2. Several days from today, 3.
# When today is not the calendar day (after the cut-off, a weekend, a holiday).
ask-day-dates = { $today-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $today-day } { $today-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $today-month }
    }, 1. { $next-day-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $next-day-day } { $next-day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $next-day-month }
    }, 2. Several days from { $today-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $today-day } { $today-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $today-month }
    }, 3.
# Before the time question, when that day is not the calendar day.
for-day = This is for { $day-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $day-day } { $day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $day-month }
    }.
ask-arrival-time = Enter the arrival time in 24-hour time, such as 9 3 0 for 9:30, then press the hash key.
ask-pickup-time = Enter the pick-up time in 24-hour time, such as 1 3 1 5 for 13:15, then press the hash key.
help-time = Enter the hour, then the minutes, in 24-hour time, then the hash key. For 9:30 in the morning, press 9 3 0. For 1:15 in the afternoon, press 1 3 1 5.
time-invalid = Sorry, that is not a valid time.
## 7. Message for the teacher (key 3 at the read-back)

record-message = After the beep, speak your message for the teacher, up to 60 seconds, then press the hash key. Your report is then saved.
## 8. Read-back

summary-student = Let us check. Student { $student-digits }, grade { $grade }, class { $class }, number { $number }.
# A school without a roster.
summary-student-number = Let us check. Student number { $student-digits }.
summary-kind = { $kind ->
        [absence] Absent on
        [late] Arriving late on
        [early] Leaving early on
       *[other] A report for
    } { $day-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $day-day } { $day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $day-month }
    }.
# Read as 9:30 or 9:05. The minute is padded by a select on $time-minute so that
# this message uses the same variables as the Japanese one.
summary-time = { $kind ->
        [late] The arrival time is
        [early] The pick-up time is
       *[other] The time is
    } { $time-minute ->
        [0] { $time-hour }:00.
        [1] { $time-hour }:01.
        [2] { $time-hour }:02.
        [3] { $time-hour }:03.
        [4] { $time-hour }:04.
        [5] { $time-hour }:05.
        [6] { $time-hour }:06.
        [7] { $time-hour }:07.
        [8] { $time-hour }:08.
        [9] { $time-hour }:09.
       *[other] { $time-hour }:{ $time-minute }.
    }
summary-reason = The reason is { $reason ->
        [illness] illness.
        [injury] an injury.
        [medical] a medical appointment.
        [family] family reasons.
        [bereavement] a bereavement.
        [infectious] an infectious disease requiring your child to stay home from school.
       *[other] something else.
    }
summary-symptom = Your child has { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] a fever
        [headache] a headache
        [respiratory] a cough or cold
        [diarrhoea] diarrhoea or a stomach ache
        [vomiting] nausea or vomiting
        [rash] a rash
       *[other] another symptom
    }
list-and = { $first } and { $last }
list-comma = { $first }, { $rest }
summary-temperature = Temperature { $temperature } degrees.
summary-disease = The disease is { $disease ->
        [influenza] influenza.
        [covid-19] COVID-19.
        [gastroenteritis] infectious gastroenteritis.
        [strep] strep throat.
        [chickenpox] chickenpox.
        [mumps] mumps.
        [pharyngoconjunctival-fever] pharyngoconjunctival fever.
        [hand-foot-mouth] hand, foot and mouth disease.
       *[other] another infectious disease.
    }
summary-confirm = To save, press 1. To start again, press 2. To save with a message for the teacher, press 3.
restart = Let us start again from the student number.
## 9. Saving and goodbye

saved = Recorded. Your reference number is { $reference-digits }.
ask-another = For another child, press 1.
goodbye = Thank you for letting us know. We wish your child well. Goodbye.

# A reload removed the step the call was at; it starts again at the student number.
resumed = We are sorry. The service has been updated, so let us start again from the student number.

## 6b. Several days

ask-day-count = For how many school days? Press a number from 1 to 9.
help-day-count = Press the number of school days of the absence, counting the first day, from 1 to 9. Weekends and holidays are not counted.
day-count-invalid = Please press one number from 1 to 9.
# $days arrives as text, so no plural variant could be chosen: the sentence
# reads right for any number. $last-day is the last school day of the absence.
summary-days = Absent from { $day-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $day-day } { $day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $day-month }
    } to { $last-day-weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
        [sun] Sunday
       *[other] {""}
    } { $last-day-day } { $last-day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $last-day-month }
    }. Number of school days: { $days }.
## 6c. A report that was already made

already-reported = We already have a report for your child for { $existing-day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $existing-day-month },
    } { $existing-day-day }: { $existing-kind ->
        [absence] an absence
        [late] a late arrival
        [early] an early leave
       *[other] a voice message
    }, reference number { $existing-reference-digits }.
ask-correction = To replace it with this report, press 1. To cancel that report, press 2. To keep it as it is, press 3.
confirm-cancel = We will cancel the report for { $existing-day-month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $existing-day-month },
    } { $existing-day-day }. To cancel it, press 1. To keep it, press 2.
cancelled = The report has been cancelled. The reference number is { $reference-digits }.
kept = The earlier report has been kept as it is.
summary-replaces = This report will replace the earlier one.
already-reported-several = We already have { $existing-count } reports for your child on the days of this report, reference numbers { $existing-references-digits }.
confirm-cancel-several = We will cancel all of these reports. To cancel them, press 1. To keep them, press 2.
cancelled-several = The reports have been cancelled. Their reference numbers are { $existing-references-digits }.
