### Voice prompts for the absence line, in Mandarin Chinese (Simplified, zh-CN).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech: short sentences, no symbols.
### Write keys as digits ("生病按1"), and the # key as "井号键".
### Words a parent in China uses: 请假 (not 缺席联络), 学号, 登记编号; options
### as "生病按1，受伤按2"; an error says what was wrong, and the prompt
### that follows it gives the example, so the error never repeats it.

## Common

no-input = 抱歉，没有收到您的按键。
no-match = 抱歉，没有这个选项。
give-up = 非常抱歉，这次没能为您登记。请直接打电话给学校。再见。
# Spoken when the system fails internally; the call then ends.
error-apology = 非常抱歉，系统出了问题，没能为您登记。请直接联系学校。再见。
error-busy = 非常抱歉，现在线路繁忙，请过几分钟再打。再见。

## 1. Greeting and language menu

welcome = 您好，{ $school }请假专线。
# Each locale names its own language, in that language, with its own key.
language-option = 中文按3。

## 2. Student number

ask-student = 请输入孩子的学号，按井号键结束。
help-student = 请用电话按键输入学校发给您的学号，4到8位数字，输完请按井号键。
ask-student-fixed = 请输入{ $student-length }位学号。
help-student-fixed = 请用电话按键输入学校发给您的{ $student-length }位学号。
student-wrong-length = 学号是4到8位数字。
student-wrong-length-fixed = 学号是{ $student-length }位数字。
student-not-found = 抱歉，没有找到学号{ $keyed-digits }。
# Spoken after the student number could not be found three times.
voice-message = 请在提示音后说出孩子的姓名、年级、班级和您要说的内容，说完请按井号键。
voice-message-not-found = 抱歉，没有找到这个学号。
# After repeated failures at a later step, once the child is known.
voice-message-child = 抱歉，没能完成登记。请在提示音后说出您要告诉学校的内容，说完请按井号键。

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] { $today-month }月{ $today-day }日{ $today-weekday ->
            [mon] 星期一
            [tue] 星期二
            [wed] 星期三
            [thu] 星期四
            [fri] 星期五
            [sat] 星期六
            [sun] 星期日
           *[other] {""}
        }病假按1，
       *[other] 今天病假按1，
    }其他原因或其他日期请假按2，迟到按3，早退按4。
help-kind = 孩子今天生病不能来上学，请按1。因为其他原因请假，或者请假的不是今天，请按2。迟到请按3。早退请按4。

## 5. Reason, symptom, temperature, disease

ask-reason = 生病按1，受伤按2，去医院看病按3，家里有事按4，家里有丧事按5，患传染病需在家休息按6，其他原因按9。
help-reason = 请选择请假、迟到或早退的原因。孩子身体不舒服，请按1。孩子受伤了，请按2。要去医院或诊所看病、复查，请按3。家里有事，请按4。家里有亲人去世，请按5。医生诊断为流感等传染病、需要在家休息，请按6。其他原因，请按9。

ask-symptom = 请按所有症状。发烧按1，咳嗽、嗓子疼、流鼻涕按2，拉肚子、肚子疼按3，恶心、呕吐按4，头疼按5，出疹子按6，其他按9。
help-symptom = 孩子有哪些症状，就把对应的数字一个接一个地按下。发烧按1。咳嗽、嗓子疼、流鼻涕按2。拉肚子、肚子疼按3。恶心、呕吐按4。头疼按5。出疹子按6。其他症状按9。比如又发烧又咳嗽，就先按1再按2。按完后请稍等。

ask-temperature = 请输入3位体温，如38.5度按3、8、5，没量按井号键。
help-temperature = 请输入摄氏体温的3位数字，不用按小数点。比如37.8度按3、7、8，38度整按3、8、0。没有量或者不知道体温，请只按井号键。
temperature-invalid = 抱歉，体温应在35度到42度之间。

ask-disease = 流感按1，新冠按2，感染性胃肠炎按3，链球菌咽喉炎按4，水痘按5，腮腺炎按6，咽结膜热按7，手足口病按8，其他传染病按9。
help-disease = 请选择医生诊断的病名。流感请按1。新冠请按2。诺如病毒等引起的感染性胃肠炎，请按3。链球菌引起的咽喉炎，请按4。水痘请按5。腮腺炎，也就是痄腮，请按6。腺病毒引起的咽结膜热，请按7。手足口病请按8。其他传染病，请按9。

## 6. Day and time

ask-day = 今天按1，下一个上学日按2，从今天起连续请几天假按3。
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-month }月{ $today-day }日{ $today-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }按1，{ $next-day-month }月{ $next-day-day }日{ $next-day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }按2，从{ $today-month }月{ $today-day }日{ $today-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }起连续请几天假按3。
ask-arrival-time = 请用24小时制输入到校时间，比如9点30分就按9、3、0，再按井号键。
ask-pickup-time = 请用24小时制输入接孩子的时间，比如13点15分就按1、3、1、5，再按井号键。
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = 这是{ $day-month }月{ $day-day }日{ $day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }的安排。
help-time = 请用24小时制先输入小时，再输入分钟，最后按井号键。比如上午9点30分按9、3、0，下午1点15分按1、3、1、5。
time-invalid = 抱歉，这个时间不对。

## 7. Message for the teacher

record-message = 请在提示音后给班主任留言，最长60秒，说完请按井号键，登记随即完成。

## 8. Read-back

summary-student = 学号{ $student-digits }，{ $grade }年级{ $class }班{ $number }号。
# The read-back at a school without a roster.
summary-student-number = 学号{ $student-digits }。
summary-kind = { $day-month }月{ $day-day }日{ $day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }{ $kind ->
        [absence] 请假。
        [late] 迟到。
        [early] 早退。
       *[other] 的登记。
    }
# Read as 9点30分, 9点零5分, or 9点整 on the hour. The select on $time-minute
# keeps the same variables and variant keys as the English message.
summary-time = { $kind ->
        [late] 到校时间是
        [early] 接孩子的时间是
       *[other] 时间是
    }{ $time-minute ->
        [0] { $time-hour }点整。
        [1] { $time-hour }点零1分。
        [2] { $time-hour }点零2分。
        [3] { $time-hour }点零3分。
        [4] { $time-hour }点零4分。
        [5] { $time-hour }点零5分。
        [6] { $time-hour }点零6分。
        [7] { $time-hour }点零7分。
        [8] { $time-hour }点零8分。
        [9] { $time-hour }点零9分。
       *[other] { $time-hour }点{ $time-minute }分。
    }
summary-reason = { $reason ->
        [illness] 生病。
        [injury] 受伤。
        [medical] 看病。
        [family] 家里有事。
        [bereavement] 家里有丧事。
        [infectious] 传染病，在家休息。
       *[other] 其他原因。
    }
summary-symptom = 症状是{ $symptom-list }。
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] 发烧
        [headache] 头痛
        [respiratory] 咳嗽等感冒症状
        [diarrhoea] 腹泻或肚子痛
        [vomiting] 恶心或呕吐
        [rash] 皮疹
       *[other] 其他症状
    }
list-and = { $first }和{ $last }
list-comma = { $first }、{ $rest }
summary-temperature = { $temperature }度。
summary-disease = 疾病是{ $disease ->
        [influenza] 流感。
        [covid-19] 新冠病毒感染。
        [gastroenteritis] 感染性胃肠炎。
        [strep] 链球菌咽喉炎。
        [chickenpox] 水痘。
        [mumps] 流行性腮腺炎。
        [pharyngoconjunctival-fever] 咽结膜热。
        [hand-foot-mouth] 手足口病。
       *[other] 其他传染病。
    }
summary-confirm = 保存按1，重来按2，给班主任留言后保存按3。
restart = 好的，我们从学号重新开始。

## 9. Saving and goodbye

saved = 已为您登记，编号{ $reference-digits }。
ask-another = 其他孩子请假按1。
goodbye = 谢谢您通知学校。再见。

# A reload removed the step the call was at; it starts again at the student number.
resumed = 非常抱歉，系统已经更新，请从学号开始重新操作。

## 6b. Several days

ask-day-count = 请几个上学日的假？请按1到9中的一个数字。
help-day-count = 请按请假的上学日天数，包括今天，从1到9。周六、周日和节假日不算。比如从今天起请3天假，就按3。
day-count-invalid = 请按1到9中的一个数字。
summary-days = 从{ $day-month }月{ $day-day }日{ $day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }到{ $last-day-month }月{ $last-day-day }日{ $last-day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }请假，共{ $days }个上学日。

## 6c. A report that was already made

already-reported = 这个孩子{ $existing-day-month ->
        [1] 1月
        [2] 2月
        [3] 3月
        [4] 4月
        [5] 5月
        [6] 6月
        [7] 7月
        [8] 8月
        [9] 9月
        [10] 10月
        [11] 11月
        [12] 12月
       *[other] { $existing-day-month }月
    }{ $existing-day-day }日已经有一条登记，是{ $existing-kind ->
        [absence] 请假
        [late] 迟到
        [early] 早退
       *[other] 语音留言
    }，登记编号是{ $existing-reference-digits }。
ask-correction = 用这次的内容替换原来的登记，请按1。取消原来的登记，请按2。保留原来的登记，请按3。
confirm-cancel = 将取消{ $existing-day-month ->
        [1] 1月
        [2] 2月
        [3] 3月
        [4] 4月
        [5] 5月
        [6] 6月
        [7] 7月
        [8] 8月
        [9] 9月
        [10] 10月
        [11] 11月
        [12] 12月
       *[other] { $existing-day-month }月
    }{ $existing-day-day }日的登记。确定取消请按1，不取消请按2。
cancelled = 已经取消。登记编号是{ $reference-digits }。
kept = 原来的登记保持不变。
summary-replaces = 这次的内容将替换原来的登记。
already-reported-several = 这个孩子在这几天已经有{ $existing-count }条登记，登记编号是{ $existing-references-digits }。
confirm-cancel-several = 将取消以上全部登记。确定取消请按1，不取消请按2。
cancelled-several = 已经取消。取消的登记编号是{ $existing-references-digits }。
