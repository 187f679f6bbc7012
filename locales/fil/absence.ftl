### Voice prompts for the absence line, in Filipino (fil).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech: short sentences, no symbols.
### Write keys as digits ("pindutin ang 1"), and the # key as "ang hash key".
### School words parents use every day stay as they are: Grade, Section, student number.
### Say it as a parent would: "may kinalaman sa pamilya" (not the bookish
### "dahilang pampamilya"); a call that ends says "Salamat po", and giving up
### says the report was not recorded ("hindi naitala"), never that it was not
### received. Options as "Lagnat, pindutin ang 1. Ubo, 2."; an error says what
### was wrong, the prompt after it gives the example.

## Common

no-input = Paumanhin po, wala kaming natanggap na pinindot.
no-match = Paumanhin po, wala pong ganoong pagpipilian.
give-up = Paumanhin po, hindi po namin naitala ang inyong ulat. Pakitawagan na lang po nang direkta ang paaralan. Salamat po.
# Spoken when the system fails internally; the call then ends.
error-apology = Paumanhin po, nagkaproblema ang aming sistema kaya hindi namin naitala ang inyong ulat. Pakitawagan na lang po nang direkta ang paaralan. Salamat po.
error-busy = Paumanhin po, masyadong maraming tumatawag ngayon. Pakitawagan po ulit kami pagkalipas ng ilang minuto. Salamat po.

## 1. Greeting and language menu

welcome = Salamat po sa pagtawag sa { $school }.
# Each locale names its own language, in that language, with its own key.
language-option = Filipino, 6.

## 2. Student number

ask-student = Pakilagay po ang student number ng inyong anak, at pindutin ang hash key.
help-student = Gamit ang keypad, pakilagay po ang student number na ibinigay ng paaralan, 4 hanggang 8 digit, at pindutin ang hash key.
ask-student-fixed = Ilagay po ang { $student-length }-digit na student number.
help-student-fixed = Gamit ang keypad, pakilagay po ang { $student-length }-digit na student number na ibinigay ng paaralan.
student-wrong-length = Ang student number ay may 4 hanggang 8 digit.
student-wrong-length-fixed = Ang student number ay may { $student-length } digit.
student-not-found = Paumanhin po, hindi namin mahanap ang student number na { $keyed-digits }.
# Spoken after the student number could not be found three times.
voice-message = Pagkatapos ng beep, pakisabi po ang pangalan ng inyong anak, ang kanyang Grade at Section, at ang inyong mensahe. Pagkatapos, pindutin ang hash key.
voice-message-not-found = Paumanhin po, hindi namin mahanap ang student number na iyon.
# After repeated failures at a later step, once the child is known.
voice-message-child = Paumanhin po, hindi namin natapos ang inyong ulat. Pagkatapos ng beep, pakisabi po ang inyong mensahe para sa paaralan, at pindutin ang hash key.

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] Liliban dahil may sakit sa { $today-weekday ->
            [mon] Lunes,
            [tue] Martes,
            [wed] Miyerkoles,
            [thu] Huwebes,
            [fri] Biyernes,
            [sat] Sabado,
            [sun] Linggo,
           *[other] {""}
        } ika-{ $today-day } ng { $today-month ->
            [1] Enero
            [2] Pebrero
            [3] Marso
            [4] Abril
            [5] Mayo
            [6] Hunyo
            [7] Hulyo
            [8] Agosto
            [9] Setyembre
            [10] Oktubre
            [11] Nobyembre
            [12] Disyembre
           *[other] buwan { $today-month }
        }, pindutin ang 1.
       *[other] Liliban ngayon dahil may sakit, pindutin ang 1.
    } Ibang dahilan o ibang araw, 2. Mahuhuli, 3. Uuwi nang maaga, 4.
help-kind = Kung may sakit ang inyong anak at hindi makakapasok ngayon, pindutin ang 1. Kung liliban siya sa ibang dahilan, o sa ibang araw, pindutin ang 2. Kung mahuhuli siya, pindutin ang 3. Kung kailangan niyang umuwi nang maaga, pindutin ang 4.

## 5. Reason, symptom, temperature, disease

ask-reason = Sakit, pindutin ang 1. Sugat o pinsala, 2. Pagpapatingin sa doktor, 3. May kinalaman sa pamilya, 4. May namatay sa pamilya, 5. Nakahahawang sakit na bawal munang pumasok, 6. Ibang dahilan, 9.
help-reason = Pakipili po ang dahilan ng pagliban, pagkahuli, o maagang pag-uwi. Kung masama ang pakiramdam ng inyong anak, pindutin ang 1. Kung nasaktan o nasugatan siya, pindutin ang 2. Kung may appointment siya sa ospital o klinika, pindutin ang 3. Kung may kinalaman sa pamilya, pindutin ang 4. Kung may namatay sa pamilya, pindutin ang 5. Kung sinabi ng doktor na may nakahahawang sakit siya, tulad ng trangkaso, at kailangan muna niyang manatili sa bahay, pindutin ang 6. Para sa ibang dahilan, pindutin ang 9.

ask-symptom = Pindutin po ang lahat ng sintomas. Lagnat, 1. Ubo, masakit na lalamunan, o sipon, 2. Pagtatae o masakit na tiyan, 3. Pagduduwal o pagsusuka, 4. Sakit ng ulo, 5. Pantal, 6. Iba pa, 9.
help-symptom = Pindutin po, isa-isa, ang lahat ng numerong angkop sa mga sintomas ng inyong anak. Kung may lagnat siya, pindutin ang 1. Kung may ubo, masakit ang lalamunan, o may sipon siya, pindutin ang 2. Kung nagtatae siya o masakit ang tiyan niya, pindutin ang 3. Kung nasusuka o nagsusuka siya, pindutin ang 4. Kung masakit ang ulo niya, pindutin ang 5. Kung may pantal siya, pindutin ang 6. Para sa ibang sintomas, pindutin ang 9. Halimbawa, kung may lagnat at ubo siya, pindutin ang 1 at pagkatapos ang 2. Kapag tapos na, maghintay lang po sandali.

ask-temperature = Ilagay po ang temperatura, halimbawa 3, 8, 5 para sa 38.5, o hash kung hindi nasukat.
help-temperature = Pakilagay po ang temperatura sa degrees Celsius gamit ang 3 digit, nang walang decimal point. Halimbawa, para sa 37.8 degrees, pindutin ang 3, 7, 8. Para sa eksaktong 38 degrees, pindutin ang 3, 8, 0. Kung hindi ninyo nasukat ang temperatura, o hindi ninyo ito alam, ang hash key lamang po ang pindutin.
temperature-invalid = Paumanhin po, ang temperatura ay dapat mula 35 hanggang 42 degrees.

ask-disease = Trangkaso, pindutin ang 1. COVID, 2. Gastroenteritis o impeksyon sa tiyan, 3. Strep throat, 4. Bulutong-tubig, 5. Beke, 6. Pharyngoconjunctival fever, 7. Hand, foot and mouth disease, 8. Ibang nakahahawang sakit, 9.
help-disease = Pakipili po ang sakit na natukoy ng doktor sa inyong anak. Para sa trangkaso o influenza, pindutin ang 1. Para sa COVID-19, pindutin ang 2. Para sa nakahahawang gastroenteritis, tulad ng norovirus, pindutin ang 3. Para sa strep throat, isang impeksyon ng lalamunan dahil sa streptococcus, pindutin ang 4. Para sa bulutong-tubig, pindutin ang 5. Para sa beke, pindutin ang 6. Para sa pharyngoconjunctival fever, isang impeksyon dahil sa adenovirus, pindutin ang 7. Para sa hand, foot and mouth disease, pindutin ang 8. Para sa ibang nakahahawang sakit, pindutin ang 9.

## 6. Day and time

ask-day = Ngayong araw, pindutin ang 1. Susunod na araw ng pasok, 2. Ilang araw simula ngayon, 3.
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $today-day } ng { $today-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $today-month }
    }, pindutin ang 1. { $next-day-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $next-day-day } ng { $next-day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $next-day-month }
    }, 2. Ilang araw simula { $today-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $today-day } ng { $today-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $today-month }
    }, 3.
ask-arrival-time = Pakilagay po ang oras ng pagdating sa 24 oras na format, halimbawa 9, 3, 0 para sa 9:30, at pindutin ang hash key.
ask-pickup-time = Pakilagay po ang oras ng pagsundo sa 24 oras na format, halimbawa 1, 3, 1, 5 para sa 13:15, at pindutin ang hash key.
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = Ito po ay para sa { $day-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $day-day } ng { $day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $day-month }
    }.
help-time = Pakilagay po ang oras, pagkatapos ang minuto, sa 24 oras na format, at pindutin ang hash key. Halimbawa, para sa 9:30 ng umaga, pindutin ang 9, 3, 0. Para sa 1:15 ng hapon, pindutin ang 1, 3, 1, 5.
time-invalid = Paumanhin po, hindi tamang oras iyon.

## 7. Message for the teacher

record-message = Pagkatapos ng beep, sabihin po ang inyong mensahe para sa guro, hanggang 60 segundo, at pindutin ang hash key. Mase-save na po ang inyong ulat.

## 8. Read-back

summary-student = Student number { $student-digits }, Grade { $grade }, Section { $class }, numero { $number }.
# The read-back at a school without a roster.
summary-student-number = Student number { $student-digits }.
summary-kind = { $kind ->
        [absence] Liliban sa
        [late] Mahuhuli sa
        [early] Uuwi nang maaga sa
       *[other] Ulat para sa
    } { $day-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $day-day } ng { $day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $day-month }
    }.
# Read as 9:30 or 9:05. The minute is padded by a select on $time-minute so that
# this message uses the same variables as the Japanese one.
summary-time = { $kind ->
        [late] Ang oras ng pagdating ay
        [early] Ang oras ng pagsundo ay
       *[other] Ang oras ay
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
summary-reason = { $reason ->
        [illness] Sakit.
        [injury] Pinsala o sugat.
        [medical] Magpapatingin sa doktor.
        [family] Usaping pampamilya.
        [bereavement] May namatay sa pamilya.
        [infectious] Nakahahawang sakit, kailangang manatili sa bahay.
       *[other] Iba pang dahilan.
    }
summary-symptom = May { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] lagnat
        [headache] sakit ng ulo
        [respiratory] ubo o sipon
        [diarrhoea] pagtatae o pananakit ng tiyan
        [vomiting] pagduduwal o pagsusuka
        [rash] pantal
       *[other] ibang sintomas
    }
list-and = { $first } at { $last }
list-comma = { $first }, { $rest }
summary-temperature = { $temperature } degrees.
summary-disease = Ang sakit ay { $disease ->
        [influenza] trangkaso o influenza.
        [covid-19] COVID-19.
        [gastroenteritis] nakahahawang gastroenteritis.
        [strep] strep throat.
        [chickenpox] bulutong-tubig.
        [mumps] beke.
        [pharyngoconjunctival-fever] pharyngoconjunctival fever.
        [hand-foot-mouth] hand, foot and mouth disease.
       *[other] ibang nakahahawang sakit.
    }
summary-confirm = I-save, pindutin ang 1. Magsimulang muli, 2. I-save nang may mensahe sa guro, 3.
restart = Magsimula po tayong muli sa student number.

## 9. Saving and goodbye

saved = Natanggap na po ang ulat. Ang reference number ay { $reference-digits }.
ask-another = Para sa isa pang anak, pindutin ang 1.
goodbye = Salamat po sa pag-abiso. Ingat po kayo.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Paumanhin po. Na-update ang serbisyo, kaya magsimula po tayong muli sa student number.

## 6b. Several days

ask-day-count = Ilang araw ng pasok po? Pumindot ng isang numero mula 1 hanggang 9.
help-day-count = Pindutin po ang bilang ng araw ng pasok na liliban ang inyong anak, kasama ang araw na ito, mula 1 hanggang 9. Hindi po kasama ang Sabado, Linggo, at mga holiday. Halimbawa, kung liliban siya nang 3 araw simula ngayon, pindutin ang 3.
day-count-invalid = Pumindot po ng isang numero mula 1 hanggang 9.
summary-days = Liliban mula { $day-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $day-day } ng { $day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $day-month }
    } hanggang { $last-day-weekday ->
        [mon] Lunes,
        [tue] Martes,
        [wed] Miyerkoles,
        [thu] Huwebes,
        [fri] Biyernes,
        [sat] Sabado,
        [sun] Linggo,
       *[other] {""}
    } ika-{ $last-day-day } ng { $last-day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $last-day-month }
    }, { $days } araw ng pasok.

## 6c. A report that was already made

already-reported = Mayroon na po kaming natanggap na ulat para sa inyong anak sa ika-{ $existing-day-day } ng { $existing-day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $existing-day-month }
    }. Ito po ay { $existing-kind ->
        [absence] ulat ng pagliban
        [late] ulat ng pagkahuli
        [early] ulat ng maagang pag-uwi
       *[other] isang voice message
    }, at ang reference number ay { $existing-reference-digits }.
ask-correction = Para palitan ang naunang ulat ng ulat na ito, pindutin ang 1. Para kanselahin ang naunang ulat, pindutin ang 2. Para hindi na baguhin ang naunang ulat, pindutin ang 3.
confirm-cancel = Kakanselahin po namin ang ulat para sa ika-{ $existing-day-day } ng { $existing-day-month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] buwan { $existing-day-month }
    }. Para kanselahin ito, pindutin ang 1. Para hindi ito kanselahin, pindutin ang 2.
cancelled = Nakansela na po ang ulat. Ang reference number ay { $reference-digits }.
kept = Hindi po binago ang naunang ulat.
summary-replaces = Papalitan po ng ulat na ito ang naunang ulat.
already-reported-several = Mayroon na po kaming { $existing-count } na ulat para sa inyong anak sa mga araw ng ulat na ito. Ang mga reference number ay { $existing-references-digits }.
confirm-cancel-several = Kakanselahin po namin ang lahat ng mga ulat na ito. Para kanselahin ang mga ito, pindutin ang 1. Para hindi kanselahin, pindutin ang 2.
cancelled-several = Nakansela na po ang mga ulat. Ang mga reference number ay { $existing-references-digits }.
