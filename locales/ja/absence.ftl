### 欠席連絡ダイヤル(absence-line)の音声案内。
### 基準ロケールです。call-flows/absence.toml で使うメッセージはすべてここに置きます。
###
### 音声合成で読み上げるため、記号や括弧は使わず、短い文で書きます。
### シャープのキーは「シャープ」と書きます。キーの数字は算用数字で書きます。
###
### 変数(未入力の項目の変数は渡されません):
###   $school              学校名
###   $student             生徒番号 "10203"
###   $student-digits      一桁ずつ区切った生徒番号 "1 0 2 0 3"
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

welcome = お電話ありがとうございます。{ $school }、欠席連絡ダイヤルです。
# 各言語のファイルで、その言語の言葉と、その言語のキーの数字で書きます。
language-option = 日本語は1を押してください。

## 2. 生徒番号

ask-student = お子さまの生徒番号を入力し、最後にシャープを押してください。
help-student = 電話機のボタンで、お子さまの生徒番号を入力してください。生徒番号は、学校からお知らせしている4けたから8けたの数字です。数字をすべて押したあと、最後にシャープを押してください。
student-not-found = 入力された生徒番号が見つかりませんでした。もう一度、生徒番号を入力してください。
# 生徒番号が3回見つからなかったときに、伝言を録音していただきます。
voice-message = 申し訳ありません。生徒番号を確認できませんでした。発信音のあとに、お子さまのお名前、学年と組、ご連絡の内容をお話しください。お話が終わりましたら、シャープを押してください。

## 3. 名簿の確認

confirm-student = { $grade }年{ $class }組{ $number }番のお子さまですね。よろしければ1を、番号を入力し直す場合は2を押してください。

## 4. 連絡の種類

ask-kind = 欠席の場合は1、遅刻の場合は2、早退の場合は3を押してください。
help-kind = ご連絡の種類を選んでください。学校をお休みする場合は1を押してください。今日、遅れて登校する場合は2を押してください。今日、授業の途中で帰る場合は3を押してください。

## 5. 理由、症状、体温、病名

ask-reason = 理由を選んでください。病気は1、けがは2、通院は3、家庭の事情は4、忌引きは5、感染症による出席停止は6、その他の理由は9を押してください。
help-reason = お休みや遅刻、早退の理由を選んでください。体調が悪い場合は1を押してください。けがをした場合は2を押してください。病院の受診や予約がある場合は3を押してください。家庭の事情の場合は4を押してください。ご親族のご不幸による忌引きの場合は5を押してください。インフルエンザなど、出席停止となる感染症の場合は6を押してください。それ以外の理由の場合は9を押してください。

ask-symptom = 症状を選んでください。当てはまる番号を、すべて続けて押してください。発熱は1、せき、のどの痛み、鼻水は2、下痢や腹痛は3、吐き気やおう吐は4、頭痛は5、発疹は6、その他の症状は9です。押し終わったら、シャープを押してください。
help-symptom = お子さまの症状に当てはまる番号を、いくつでも続けて押してください。熱がある場合は1、せき、のどの痛み、鼻水がある場合は2、下痢をしている、またはおなかが痛い場合は3、吐き気がある、または吐いた場合は4、頭が痛い場合は5、発疹がある場合は6、それ以外の症状は9です。例えば、熱とせきがある場合は、1と2を押します。押し終わったら、シャープを押してください。

ask-temperature = 体温を3けたの数字で入力してください。例えば38.5度の場合は、3、8、5と押してください。測っていない場合は、シャープを押してください。
help-temperature = 体温を、小数点を除いた3けたの数字で入力してください。例えば、37.8度の場合は3、7、8、38度ちょうどの場合は3、8、0と押してください。体温を測っていない場合や、わからない場合は、数字を押さずに、シャープだけを押してください。
temperature-invalid = 入力された体温を確認できませんでした。35度から42度までの体温を、3けたの数字で入力してください。例えば38.5度の場合は、3、8、5と押してください。

ask-disease = 病名を選んでください。インフルエンザは1、新型コロナウイルス感染症は2、感染性胃腸炎は3、溶連菌感染症は4、水ぼうそうは5、おたふくかぜは6、プール熱とも呼ばれる咽頭結膜熱は7、手足口病は8、その他の感染症は9を押してください。
help-disease = 医師から診断された病名を選んでください。インフルエンザの場合は1を押してください。新型コロナウイルス感染症の場合は2を押してください。ノロウイルスなどによる感染性胃腸炎の場合は3を押してください。溶連菌感染症の場合は4を押してください。水ぼうそう、水痘の場合は5を押してください。おたふくかぜ、流行性耳下腺炎の場合は6を押してください。アデノウイルスによる咽頭結膜熱、プール熱の場合は7を押してください。手足口病の場合は8を押してください。それ以外の感染症の場合は9を押してください。

## 6. 日付と時刻

ask-day = お休みする日を選んでください。今日の場合は1、次の登校日の場合は2、今日から数日間お休みする場合は3を押してください。
ask-arrival-time = 登校する予定の時刻を、24時間制の4けたの数字で入力してください。例えば9時30分の場合は、0、9、3、0と押してください。
ask-pickup-time = お迎えの時刻を、24時間制の4けたの数字で入力してください。例えば13時15分の場合は、1、3、1、5と押してください。
help-time = 時刻を、24時間制の4けたの数字で入力してください。はじめの2けたが時、あとの2けたが分です。例えば、午前9時30分の場合は0、9、3、0、午後1時15分の場合は1、3、1、5と押してください。
time-invalid = 入力された時刻が正しくありません。24時間制の4けたの数字で入力してください。例えば9時30分の場合は、0、9、3、0と押してください。

## 7. 先生への伝言

ask-message = 担任の先生への伝言を録音する場合は1を、録音しない場合は2を押してください。
record-message = 発信音のあとに、60秒以内で伝言をお話しください。お話が終わりましたら、シャープを押してください。

## 8. 内容の確認

summary-student = ご連絡の内容を確認します。生徒番号、{ $student-digits }。
summary-kind = { $kind ->
        [absence] 欠席のご連絡です。
        [late] 遅刻のご連絡です。
        [early] 早退のご連絡です。
       *[other] お子さまについてのご連絡です。
    }
summary-day = お休みする日は、{ $day-month }月{ $day-day }日{ $day-weekday ->
        [mon] 、月曜日
        [tue] 、火曜日
        [wed] 、水曜日
        [thu] 、木曜日
        [fri] 、金曜日
        [sat] 、土曜日
        [sun] 、日曜日
       *[other] {""}
    }です。
summary-time = { $kind ->
        [late] 登校する予定の時刻は、
        [early] お迎えの時刻は、
       *[other] 時刻は、
    }{ $time-minute ->
        [0] { $time-hour }時
       *[other] { $time-hour }時{ $time-minute }分
    }です。
summary-reason = 理由は、{ $reason ->
        [illness] 病気
        [injury] けが
        [medical] 通院
        [family] 家庭の事情
        [bereavement] 忌引き
        [infectious] 感染症による出席停止
       *[other] その他
    }です。
summary-symptom = 症状は、{ $symptom-list }です。
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
summary-temperature = 体温は、{ $temperature }度です。
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
summary-recording = 担任の先生への伝言を録音しました。
summary-confirm = この内容でよろしければ1を、連絡の種類からやり直す場合は2を押してください。
restart = それでは、ご連絡の種類からやり直します。

## 9. 受付と終了

saved = ご連絡を受け付けました。受付番号は、{ $reference-digits }です。繰り返します。受付番号は、{ $reference-digits }です。
ask-another = 続けて、ほかのお子さまのご連絡をする場合は1を押してください。ご連絡がお済みの場合は、このままお電話をお切りください。
goodbye = ご連絡ありがとうございました。お子さまによろしくお伝えください。失礼いたします。

# A reload removed the step the call was at; it starts again at the student number.
resumed = 申し訳ありません。ご案内が変わりましたので、もう一度、生徒番号からお伺いします。

## 6b. 複数日のお休み

ask-day-count = 今日から、登校日で何日間お休みしますか。1から9までの数字を1つ押してください。
help-day-count = お休みする日数を、今日を含めた登校日の数で、1から9までの数字で押してください。土曜日、日曜日、祝日などのお休みの日は数えません。例えば、今日から3日間お休みする場合は3を押してください。
day-count-invalid = 1から9までの数字を1つ押してください。
summary-days = お休みは、{ $day-month }月{ $day-day }日から、登校日{ $days }日間です。

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
