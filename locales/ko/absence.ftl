### Voice prompts for the absence line, in Korean (ko).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech: short sentences, no symbols.
### Write keys as digits ("1번을 눌러 주십시오"), and the # key as "샵 버튼".
### One politeness level throughout: 합쇼체 (-습니다, -십시오), never 해요체
### (-세요). Options as "결석은 1번, 지각은 2번"; an error says what was
### wrong, and the prompt that follows it gives the example.
### Mind the particle after a digit: 을 after 0, 1, 3, 6, 7, 8; 를 after 2, 4, 5, 9.

## Common

no-input = 죄송합니다. 입력이 확인되지 않았습니다.
no-match = 죄송합니다. 선택할 수 없는 번호입니다.
give-up = 죄송합니다. 연락을 접수하지 못했습니다. 학교로 직접 전화해 주십시오. 감사합니다.
# Spoken when the system fails internally; the call then ends.
error-apology = 대단히 죄송합니다. 시스템 문제로 연락을 접수하지 못했습니다. 학교로 직접 연락해 주십시오. 감사합니다.
error-busy = 죄송합니다. 지금은 통화량이 많아 연결할 수 없습니다. 몇 분 후에 다시 걸어 주십시오. 감사합니다.

## 1. Greeting and language menu

welcome = { $school } 결석 연락 전화입니다.
# Each locale names its own language, in that language, with its own key.
language-option = 한국어는 4번.

## 2. Student number

ask-student = 자녀의 학생 번호를 누르신 후 샵 버튼을 눌러 주십시오.
help-student = 학교에서 알려 드린 4자리에서 8자리의 학생 번호를 전화기 버튼으로 누르신 후 샵 버튼을 눌러 주십시오.
ask-student-fixed = 학생 번호 { $student-length }자리를 눌러 주십시오.
help-student-fixed = 학교에서 알려 드린 { $student-length }자리 학생 번호를 전화기 버튼으로 눌러 주십시오.
student-wrong-length = 학생 번호는 4자리에서 8자리입니다.
student-wrong-length-fixed = 학생 번호는 { $student-length }자리입니다.
student-not-found = 죄송합니다. 학생 번호 { $keyed-digits }번을 찾을 수 없습니다.
# Spoken after the student number could not be found three times.
voice-message = 삐 소리가 나면 자녀의 이름, 학년과 반, 연락 내용을 말씀하시고 샵 버튼을 눌러 주십시오.
voice-message-not-found = 죄송합니다. 학생 번호를 찾을 수 없습니다.
# After repeated failures at a later step, once the child is known.
voice-message-child = 죄송합니다. 연락을 마치지 못했습니다. 삐 소리가 나면 학교에 전하실 말씀을 하시고 샵 버튼을 눌러 주십시오.

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] { $today-month }월 { $today-day }일 { $today-weekday ->
            [mon] 월요일
            [tue] 화요일
            [wed] 수요일
            [thu] 목요일
            [fri] 금요일
            [sat] 토요일
            [sun] 일요일
           *[other] {""}
        } 병결은 1번,
       *[other] 오늘 병결은 1번,
    } 다른 사유나 다른 날 결석은 2번, 지각은 3번, 조퇴는 4번입니다.
help-kind = 오늘 아파서 결석하면 1번을 눌러 주십시오. 다른 사유로 결석하거나 오늘이 아닌 날 결석하면 2번, 지각하면 3번, 조퇴하면 4번을 눌러 주십시오.

## 5. Reason, symptom, temperature, disease

ask-reason = 질병은 1번, 부상은 2번, 병원 진료는 3번, 가정 사정은 4번, 가족 장례는 5번, 감염병 출석 정지는 6번, 기타 사유는 9번입니다.
help-reason = 결석, 지각, 조퇴의 사유를 선택해 주십시오. 몸이 아프면 1번, 다쳤으면 2번, 병원 진료 예약이 있으면 3번, 가정 사정이면 4번, 가족이나 친척이 돌아가셨으면 5번, 독감 같은 감염병으로 의사가 등교를 중지하라고 했으면 6번, 그 밖의 사유는 9번을 눌러 주십시오.

ask-symptom = 해당 증상을 모두 누르십시오. 발열은 1번, 기침, 목 통증, 콧물은 2번, 설사나 복통은 3번, 메스꺼움이나 구토는 4번, 두통은 5번, 발진은 6번, 기타는 9번입니다.
help-symptom = 자녀의 증상에 해당하는 번호를 모두 차례로 눌러 주십시오. 열이 있으면 1번, 기침이 나거나 목이 아프거나 콧물이 나면 2번, 설사를 하거나 배가 아프면 3번, 메스껍거나 토하면 4번, 머리가 아프면 5번, 발진이 있으면 6번, 그 밖의 증상은 9번입니다. 예를 들어 열과 기침이 있으면 1번과 2번을 차례로 누르십시오. 다 누르신 후에는 잠시 기다려 주십시오.

ask-temperature = 체온을 3자리로 누르십시오. 38.5도는 3, 8, 5, 안 재셨으면 샵 버튼입니다.
help-temperature = 섭씨 체온을 소수점 없이 3자리 숫자로 눌러 주십시오. 예를 들어 37.8도는 3, 7, 8을, 38도는 3, 8, 0을 누르십시오. 체온을 재지 않으셨거나 모르시면 숫자 없이 샵 버튼만 눌러 주십시오.
temperature-invalid = 죄송합니다. 체온은 35도에서 42도 사이로 입력해야 합니다.

ask-disease = 독감은 1번, 코로나19는 2번, 감염성 장염은 3번, 연쇄상구균 인두염은 4번, 수두는 5번, 볼거리는 6번, 인두결막열은 7번, 수족구병은 8번, 기타 감염병은 9번입니다.
help-disease = 의사에게 진단받은 병명을 선택해 주십시오. 독감, 곧 인플루엔자는 1번, 코로나19는 2번, 노로바이러스 등으로 인한 감염성 장염은 3번, 연쇄상구균으로 인한 인두염은 4번, 수두는 5번, 볼거리, 곧 유행성 이하선염은 6번, 아데노바이러스로 인한 인두결막열은 7번, 수족구병은 8번, 그 밖의 감염병은 9번을 눌러 주십시오.

## 6. Day and time

ask-day = 오늘은 1번, 다음 등교일은 2번, 오늘부터 며칠간은 3번입니다.
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-month }월 { $today-day }일 { $today-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    }은 1번, { $next-day-month }월 { $next-day-day }일 { $next-day-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    }은 2번, { $today-month }월 { $today-day }일 { $today-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    }부터 며칠간은 3번입니다.
ask-arrival-time = 등교 시각을 24시간제로, 예를 들어 9시 30분은 9, 3, 0으로 누르신 후 샵 버튼을 눌러 주십시오.
ask-pickup-time = 데리러 오실 시각을 24시간제로, 예를 들어 13시 15분은 1, 3, 1, 5로 누르신 후 샵 버튼을 눌러 주십시오.
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = { $day-month }월 { $day-day }일 { $day-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    } 연락입니다.
help-time = 24시간제로 시, 분 순서로 누르신 후 샵 버튼을 눌러 주십시오. 예를 들어 오전 9시 30분은 9, 3, 0, 오후 1시 15분은 1, 3, 1, 5입니다.
time-invalid = 죄송합니다. 올바른 시각이 아닙니다.

## 7. Message for the teacher

record-message = 삐 소리가 나면 담임 선생님께 드릴 메시지를 60초 이내로 말씀하시고 샵 버튼을 눌러 주십시오. 그러면 연락이 저장됩니다.

## 8. Read-back

summary-student = 학생 번호 { $student-digits }, { $grade }학년 { $class }반 { $number }번입니다.
# The read-back at a school without a roster.
summary-student-number = 학생 번호 { $student-digits }입니다.
summary-kind = { $day-month }월 { $day-day }일 { $day-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    } { $kind ->
        [absence] 결석입니다.
        [late] 지각입니다.
        [early] 조퇴입니다.
       *[other] 연락입니다.
    }
# Read as 9시 30분, 9시 5분, or 9시 on the hour. The select on $time-minute
# keeps the same variables and variant keys as the English message.
summary-time = { $kind ->
        [late] 등교 예정 시각은
        [early] 데리러 오실 시각은
       *[other] 시각은
    } { $time-minute ->
        [0] { $time-hour }시
        [1] { $time-hour }시 1분
        [2] { $time-hour }시 2분
        [3] { $time-hour }시 3분
        [4] { $time-hour }시 4분
        [5] { $time-hour }시 5분
        [6] { $time-hour }시 6분
        [7] { $time-hour }시 7분
        [8] { $time-hour }시 8분
        [9] { $time-hour }시 9분
       *[other] { $time-hour }시 { $time-minute }분
    }입니다.
summary-reason = { $reason ->
        [illness] 질병.
        [injury] 부상.
        [medical] 병원 진료.
        [family] 가정 사정.
        [bereavement] 가족 장례.
        [infectious] 감염병 출석 정지.
       *[other] 기타 사유.
    }
summary-symptom = 증상 { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] 발열
        [headache] 두통
        [respiratory] 기침, 목 통증, 콧물
        [diarrhoea] 설사나 복통
        [vomiting] 메스꺼움이나 구토
        [rash] 발진
       *[other] 그 밖의 증상
    }
list-and = { $first }, { $last }
list-comma = { $first }, { $rest }
summary-temperature = { $temperature }도.
summary-disease = 병명은 { $disease ->
        [influenza] 독감
        [covid-19] 코로나19
        [gastroenteritis] 감염성 장염
        [strep] 연쇄상구균 인두염
        [chickenpox] 수두
        [mumps] 볼거리
        [pharyngoconjunctival-fever] 인두결막열
        [hand-foot-mouth] 수족구병
       *[other] 그 밖의 감염병
    }입니다.
summary-confirm = 저장은 1번, 다시 하기는 2번, 담임 선생님께 메시지를 남기고 저장은 3번입니다.
restart = 학생 번호부터 다시 하겠습니다.

## 9. Saving and goodbye

saved = 접수되었습니다. 접수 번호는 { $reference-digits }입니다.
ask-another = 다른 자녀 연락은 1번입니다.
goodbye = 연락해 주셔서 감사합니다. 안녕히 계십시오.

# A reload removed the step the call was at; it starts again at the student number.
resumed = 죄송합니다. 안내가 변경되어 학생 번호부터 다시 하겠습니다.

## 6b. Several days

ask-day-count = 등교일로 며칠간 결석합니까? 1에서 9까지의 숫자 하나를 눌러 주십시오.
help-day-count = 결석하는 날수를 오늘을 포함한 등교일 수로, 1에서 9까지의 숫자로 눌러 주십시오. 토요일, 일요일, 공휴일은 세지 않습니다. 예를 들어 오늘부터 3일간 결석하면 3을 누르십시오.
day-count-invalid = 1에서 9까지의 숫자 하나를 눌러 주십시오.
summary-days = { $day-month }월 { $day-day }일 { $day-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    }부터 { $last-day-month }월 { $last-day-day }일 { $last-day-weekday ->
        [mon] 월요일
        [tue] 화요일
        [wed] 수요일
        [thu] 목요일
        [fri] 금요일
        [sat] 토요일
        [sun] 일요일
       *[other] {""}
    }까지, 등교일로 { $days }일간 결석입니다.

## 6c. A report that was already made

already-reported = 이 자녀의 { $existing-day-month ->
        [1] 1월
        [2] 2월
        [3] 3월
        [4] 4월
        [5] 5월
        [6] 6월
        [7] 7월
        [8] 8월
        [9] 9월
        [10] 10월
        [11] 11월
        [12] 12월
       *[other] { $existing-day-month }월
    } { $existing-day-day }일 연락은 이미 접수되어 있습니다. 내용은 { $existing-kind ->
        [absence] 결석 연락이고
        [late] 지각 연락이고
        [early] 조퇴 연락이고
       *[other] 음성 메시지이고
    }, 접수 번호는 { $existing-reference-digits }입니다.
ask-correction = 이번 내용으로 바꾸시려면 1번, 이전 연락을 취소하시려면 2번, 이전 연락을 그대로 두시려면 3번을 눌러 주십시오.
confirm-cancel = { $existing-day-month ->
        [1] 1월
        [2] 2월
        [3] 3월
        [4] 4월
        [5] 5월
        [6] 6월
        [7] 7월
        [8] 8월
        [9] 9월
        [10] 10월
        [11] 11월
        [12] 12월
       *[other] { $existing-day-month }월
    } { $existing-day-day }일 연락을 취소하겠습니다. 취소하시려면 1번을 눌러 주십시오. 취소하지 않으시려면 2번을 눌러 주십시오.
cancelled = 연락이 취소되었습니다. 접수 번호는 { $reference-digits }입니다.
kept = 이전 연락을 그대로 두었습니다.
summary-replaces = 이전 연락은 이번 연락으로 바뀝니다.
already-reported-several = 이번 연락의 날짜에 이 자녀의 연락이 이미 { $existing-count }건 접수되어 있습니다. 접수 번호는 { $existing-references-digits }입니다.
confirm-cancel-several = 이 연락들을 모두 취소하겠습니다. 취소하시려면 1번을 눌러 주십시오. 취소하지 않으시려면 2번을 눌러 주십시오.
cancelled-several = 연락이 취소되었습니다. 취소된 접수 번호는 { $existing-references-digits }입니다.
