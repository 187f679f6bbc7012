### 欠席連絡ダイヤル(absence-line)の音声案内。
### 基準ロケールです。call-flows/absence.toml で使うメッセージはすべてここに置きます。
###
### 音声合成で読み上げるため、記号や括弧は使わず、短い文で書きます。
### シャープのキーは「シャープ」と書きます。キーの数字は算用数字で書きます。
###
### 変数(未入力の項目の変数は渡されません):
###   $school              学校名
###   $school-kind         学校の種類 elementary | junior-high(student-term が児童番号・生徒番号を選ぶ)
###   $student             児童・生徒番号 "10203"
###   $student-digits      一桁ずつ区切った番号 "1 0 2 0 3"
###   $student-length      番号のけた数(学校が student_digits を決めているときだけ)"5"
###   $keyed-digits        見つからなかった、入力された番号 "1 2 3 4 5"
###   $grade $class $number  名簿の学年、組、出席番号 "3" "2" "15"(組は "A" などの場合あり)
###   $kind                absence | late | early
###   $reason              illness | injury | medical | family | bereavement | infectious | other
###   $symptom             当てはまる症状すべてをコンマでつないだもの "fever,respiratory"
###                        (fever | respiratory | diarrhoea | vomiting | headache | rash | other)
###   $symptom-list        症状を symptom-name で読み、list-and と list-comma でつないだもの
###                        "発熱、せき、のどの痛み、鼻水"(symptom-name では $symptom は症状1つ)
###   $temperature         体温 "38.5"
###   $disease             influenza | covid-19 | gastroenteritis | strep | chickenpox | mumps
###                        | pharyngoconjunctival-fever | hand-foot-mouth | other
###   list-and の $first $last、list-comma の $first $rest  つなぐ前後の言葉
###   $day-month $day-day  月と日(数値)、$day-weekday mon から sun
###   $today-* $next-day-* $last-day-*  今日扱いの日、次の登校日、数日間のお休みの最後の日(同じ形)
###   $today-moved         yes: 今日扱いの日が暦の今日ではない(締め切り後、土日、休日)
###   $time-hour $time-minute  時と分(数値)、$time-minute-padded "05"
###   $reference-digits    一桁ずつ区切った受付番号 "4 2"

## 共通

no-input = 入力が確認できませんでした。
no-match = 押されたボタンは、選択肢にありません。
give-up = 申し訳ありません。ご連絡を受け付けることができませんでした。お手数ですが、学校へ直接お電話ください。失礼いたします。
# システム内部で問題が起きたときに読み上げ、通話を終了します。
error-apology = 申し訳ありません。システムに問題が発生したため、ご連絡を受け付けることができませんでした。お手数ですが、学校へ直接ご連絡ください。失礼いたします。
# 回線が混み合い、通話を受けられないときに読み上げ、通話を終了します。
error-busy = ただいま回線が大変混み合っております。恐れ入りますが、数分後におかけ直しください。失礼いたします。

## 1. あいさつと言語の選択

welcome = { $school }、欠席連絡ダイヤルです。
# 各言語のファイルで、その言語の言葉と、その言語のキーの数字で書きます。
language-option = 日本語は1を押してください。

## 2. 児童・生徒番号

# 小学校は児童番号、中学校は生徒番号(設定の kind)。ほかのメッセージから参照します。
student-term = { $school-kind ->
        [junior-high] 生徒番号
       *[other] 児童番号
    }

ask-student = お子さまの{ student-term }を入力し、最後にシャープを押してください。
help-student = 電話機のボタンで、学校からお知らせしている4けたから8けたの{ student-term }を入力し、最後にシャープを押してください。
student-not-found = { student-term }、{ $keyed-digits }は、見つかりませんでした。
ask-student-fixed = { $student-length }けたの{ student-term }を押してください。
help-student-fixed = 電話機のボタンで、学校からお知らせしている{ $student-length }けたの{ student-term }を入力してください。
student-wrong-length = { student-term }は、4けたから8けたの数字です。
student-wrong-length-fixed = { student-term }は、{ $student-length }けたの数字です。
# 番号が入力されたが見つからなかったとき、voice-message の前に読み上げます。
voice-message-not-found = 入力された{ student-term }を確認できませんでした。
# 番号の入力に3回失敗したときに、伝言を録音していただきます。
voice-message = 発信音のあとに、お子さまのお名前、学年と組、ご連絡の内容をお話しください。お話が終わりましたら、シャープを押してください。
# お子さまが分かったあと、ほかの質問で何度も入力できなかったとき。
voice-message-child = ご連絡を最後までお伺いできませんでした。発信音のあとに、学校へのご連絡をお話しください。お話が終わりましたら、シャープを押してください。

## 4. 連絡の種類

ask-kind = { $today-moved ->
        [yes] { $today-month }月{ $today-day }日、{ $today-weekday ->
            [mon] 月曜日
            [tue] 火曜日
            [wed] 水曜日
            [thu] 木曜日
            [fri] 金曜日
            [sat] 土曜日
            [sun] 日曜日
           *[other] {""}
        }に、病気で欠席は1、
       *[other] 今日、病気で欠席は1、
    }ほかの理由やほかの日の欠席は2、遅刻は3、早退は4を押してください。
help-kind = ご連絡の種類を選んでください。病気で学校をお休みする場合は1、ほかの理由や、ほかの日にお休みする場合は2、遅れて登校する場合は3、授業の途中で帰る場合は4を押してください。
## 5. 理由、症状、体温、病名

ask-reason = 理由を選んでください。病気は1、けがは2、通院は3、家庭の事情は4、忌引きは5、感染症による出席停止は6、その他は9を押してください。
help-reason = お休みや遅刻、早退の理由を選んでください。体調が悪い場合は1を押してください。けがをした場合は2を押してください。病院の受診や予約がある場合は3を押してください。家庭の事情の場合は4を押してください。ご親族のご不幸による忌引きの場合は5を押してください。インフルエンザなど、出席停止となる感染症の場合は6を押してください。それ以外の理由の場合は9を押してください。

ask-symptom = 症状をすべて押してください。発熱は1、せき、のどの痛み、鼻水は2、下痢や腹痛は3、吐き気やおう吐は4、頭痛は5、発疹は6、その他は9です。
help-symptom = お子さまの症状に当てはまる番号を、いくつでも続けて押してください。熱がある場合は1、せき、のどの痛み、鼻水がある場合は2、下痢をしている、またはおなかが痛い場合は3、吐き気がある、または吐いた場合は4、頭が痛い場合は5、発疹がある場合は6、それ以外の症状は9です。例えば、熱とせきがある場合は、1と2を押します。押し終わったら、そのままお待ちください。
ask-temperature = 体温を3けたで押してください。38.5度なら3、8、5、測っていなければシャープです。
help-temperature = 体温を、小数点を除いた3けたの数字で入力してください。37.8度は3、7、8、38度ちょうどは3、8、0です。わからない場合は、シャープだけを押してください。
temperature-invalid = 体温は、35度から42度までで入力してください。
ask-disease = 病名を選んでください。インフルエンザは1、新型コロナウイルス感染症は2、感染性胃腸炎は3、溶連菌感染症は4、水ぼうそうは5、おたふくかぜは6、咽頭結膜熱は7、手足口病は8、その他は9を押してください。
help-disease = 医師から診断された病名を選んでください。インフルエンザの場合は1を押してください。新型コロナウイルス感染症の場合は2を押してください。ノロウイルスなどによる感染性胃腸炎の場合は3を押してください。溶連菌感染症の場合は4を押してください。水ぼうそう、水痘の場合は5を押してください。おたふくかぜ、流行性耳下腺炎の場合は6を押してください。アデノウイルスによる咽頭結膜熱、プール熱の場合は7を押してください。手足口病の場合は8を押してください。それ以外の感染症の場合は9を押してください。

## 6. 日付と時刻

ask-day = 今日は1、次の登校日は2、今日から数日間は3を押してください。
# 今日扱いの日が暦の今日ではないとき(締め切り後、土日、休日)。
ask-day-dates = { $today-month }月{ $today-day }日、{ $today-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }は1、{ $next-day-month }月{ $next-day-day }日、{ $next-day-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }は2、{ $today-month }月{ $today-day }日、{ $today-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }から数日間は3を押してください。
# 時刻の質問の前に、その日が暦の今日ではないとき。
for-day = { $day-month }月{ $day-day }日、{ $day-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }のご連絡です。
ask-arrival-time = 登校する時刻を、9時30分なら9、3、0のように24時間制で入力し、最後にシャープを押してください。
ask-pickup-time = お迎えの時刻を、13時15分なら1、3、1、5のように24時間制で入力し、最後にシャープを押してください。
help-time = 時刻を24時間制で、時、分の順に入力し、最後にシャープを押してください。午前9時30分は9、3、0、午後1時15分は1、3、1、5です。
time-invalid = 入力された時刻が正しくありません。
## 7. 先生への伝言(内容の確認で3)

record-message = 発信音のあとに、60秒以内で担任の先生への伝言をお話しください。お話が終わりましたら、シャープを押してください。そのあと、ご連絡を受け付けます。
## 8. 内容の確認

summary-student = 確認します。{ student-term }{ $student-digits }、{ $grade }年{ $class }組{ $number }番。
# 名簿のない学校。
summary-student-number = 確認します。{ student-term }{ $student-digits }。
summary-kind = { $day-month }月{ $day-day }日、{ $day-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }、{ $kind ->
        [absence] 欠席
        [late] 遅刻
        [early] 早退
       *[other] お子さまについてのご連絡
    }です。
summary-time = { $kind ->
        [late] 登校する予定の時刻は、
        [early] お迎えの時刻は、
       *[other] 時刻は、
    }{ $time-minute ->
        [0] { $time-hour }時
       *[other] { $time-hour }時{ $time-minute }分
    }です。
summary-reason = 理由は{ $reason ->
        [illness] 病気
        [injury] けが
        [medical] 通院
        [family] 家庭の事情
        [bereavement] 忌引き
        [infectious] 感染症による出席停止
       *[other] その他
    }です。
summary-symptom = 症状は{ $symptom-list }。
# 症状1つの読み方。$symptom-list は、これを list-and と list-comma でつないだものです。
symptom-name = { $symptom ->
        [fever] 発熱
        [headache] 頭痛
        [respiratory] せき、のどの痛み、鼻水
        [diarrhoea] 下痢や腹痛
        [vomiting] 吐き気やおう吐
        [rash] 発疹
       *[other] その他の症状
    }
# 最後の2つをつなぐ言葉と、それより前をつなぐ言葉。
list-and = { $first }、{ $last }
list-comma = { $first }、{ $rest }
summary-temperature = 体温{ $temperature }度。
summary-disease = 病名は、{ $disease ->
        [influenza] インフルエンザ
        [covid-19] 新型コロナウイルス感染症
        [gastroenteritis] 感染性胃腸炎
        [strep] 溶連菌感染症
        [chickenpox] 水ぼうそう
        [mumps] おたふくかぜ
        [pharyngoconjunctival-fever] 咽頭結膜熱
        [hand-foot-mouth] 手足口病
       *[other] その他の感染症
    }です。
summary-confirm = 受け付けは1、やり直しは2、先生への伝言つきで受け付けは3を押してください。
restart = それでは、{ student-term }からやり直します。
## 9. 受付と終了

saved = 受け付けました。受付番号は、{ $reference-digits }です。
ask-another = ほかのお子さまのご連絡は1を押してください。
goodbye = ご連絡ありがとうございました。お子さまによろしくお伝えください。失礼いたします。

# A reload removed the step the call was at; it starts again at the student number.
resumed = 申し訳ありません。ご案内が変わりましたので、もう一度、{ student-term }からお伺いします。
## 6b. 複数日のお休み

ask-day-count = 登校日で何日間お休みしますか。1から9までの数字を1つ押してください。
help-day-count = お休みする日数を、最初の日を含めた登校日の数で、1から9までの数字で押してください。土曜日、日曜日、祝日などは数えません。
day-count-invalid = 1から9までの数字を1つ押してください。
summary-days = お休みは、{ $day-month }月{ $day-day }日、{ $day-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }から{ $last-day-month }月{ $last-day-day }日、{ $last-day-weekday ->
        [mon] 月曜日
        [tue] 火曜日
        [wed] 水曜日
        [thu] 木曜日
        [fri] 金曜日
        [sat] 土曜日
        [sun] 日曜日
       *[other] {""}
    }まで、登校日{ $days }日間です。
## 6c. すでに受け付けているご連絡の変更

already-reported = このお子さまの{ $existing-day-month }月{ $existing-day-day }日のご連絡は、すでに受け付けています。内容は{ $existing-kind ->
        [absence] 欠席
        [late] 遅刻
        [early] 早退
       *[other] 伝言
    }、受付番号は{ $existing-reference-digits }です。
ask-correction = 今回の内容で差し替える場合は1、前のご連絡を取り消す場合は2、前のご連絡のままにする場合は3を押してください。
confirm-cancel = { $existing-day-month }月{ $existing-day-day }日のご連絡を取り消します。よろしければ1を、取り消さない場合は2を押してください。
cancelled = ご連絡を取り消しました。受付番号は{ $reference-digits }です。
kept = 前のご連絡を、そのまま残しました。
summary-replaces = このご連絡で、前のご連絡を差し替えます。
# 数日間のお休みなどで、今回のご連絡の日に、前のご連絡が2件以上あるとき。
already-reported-several = このお子さまの、今回のご連絡の日には、すでに{ $existing-count }件のご連絡を受け付けています。受付番号は{ $existing-references-digits }です。
confirm-cancel-several = これらのご連絡を、すべて取り消します。よろしければ1を、取り消さない場合は2を押してください。
cancelled-several = ご連絡を取り消しました。取り消した受付番号は{ $existing-references-digits }です。
