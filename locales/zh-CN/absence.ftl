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
### Write keys as digits ("请按1"), and the # key as "井号键".

## Common

no-input = 抱歉，没有收到您的按键。
no-match = 抱歉，您按的键不在选项中。
give-up = 非常抱歉，我们未能受理您的联络。请直接打电话给学校。再见。
# Spoken when the system fails internally; the call then ends.
error-apology = 非常抱歉。系统出现了问题，我们未能受理您的联络。请直接与学校联系。再见。
error-busy = 非常抱歉，目前线路繁忙。请过几分钟后再拨打。再见。

## 1. Greeting and language menu

welcome = 感谢您致电{ $school }缺席联络专线。
# Each locale names its own language, in that language, with its own key.
language-option = 中文服务，请按3。

## 2. Student number

ask-student = 请输入您孩子的学号，然后按井号键。
help-student = 请用电话按键输入您孩子的学号。学号是学校发给您的4到8位数字。输完最后一位数字后，请按井号键。井号键在按键的右下角。
student-not-found = 抱歉，没有找到这个学号。请重新输入。
# Spoken after the student number could not be found three times.
voice-message = 非常抱歉，我们没有找到这个学号。请在提示音后，说出您孩子的姓名、年级和班级，以及您要联络的内容。说完后，请按井号键。

## 3. Roster check

confirm-student = 您的孩子是{ $grade }年级{ $class }班{ $number }号。如果正确，请按1。如需重新输入学号，请按2。

## 4. Type of report

ask-kind = 如果孩子要请假，请按1。如果孩子会迟到，请按2。如果孩子需要早退，请按3。
help-kind = 请选择联络的类型。如果孩子要请假不来上学，请按1。如果孩子今天会晚到学校，请按2。如果孩子今天需要提前离校，请按3。

## 5. Reason, symptom, temperature, disease

ask-reason = 请选择原因。生病请按1。受伤请按2。去医院看病请按3。家庭原因请按4。家中有丧事请按5。因传染病需要暂停到校，请按6。其他原因请按9。
help-reason = 请选择请假、迟到或早退的原因。如果孩子身体不舒服，请按1。如果孩子受伤了，请按2。如果孩子要去医院或诊所看病，请按3。如果是家庭原因，请按4。如果家中有亲人去世，请按5。如果医生诊断孩子患有流感等传染病，需要在家休息、暂停到校，请按6。其他原因，请按9。

ask-symptom = 请选择孩子的症状，符合的数字请全部按下。发烧请按1。咳嗽、喉咙痛或流鼻涕请按2。腹泻或肚子痛请按3。恶心或呕吐请按4。头痛请按5。出皮疹请按6。其他症状请按9。按完后，请按井号键。
help-symptom = 请把孩子所有符合的症状的数字，一个接一个地按下。如果孩子发烧，请按1。如果孩子咳嗽、喉咙痛或流鼻涕，请按2。如果孩子腹泻或肚子痛，请按3。如果孩子恶心或呕吐，请按4。如果孩子头痛，请按5。如果孩子出了皮疹，请按6。其他症状，请按9。例如，孩子发烧又咳嗽，就先按1，再按2。按完后，请按井号键。

ask-temperature = 请用三位数字输入孩子的体温。例如38.5度，请按3、8、5。如果没有量体温，请按井号键。
help-temperature = 请用三位数字输入摄氏体温，不要输入小数点。例如37.8度，请按3、7、8。正好38度，请按3、8、0。如果没有量体温，或者不知道体温，请只按井号键。
temperature-invalid = 抱歉，这个体温无法受理。请用三位数字输入35度到42度之间的体温。例如38.5度，请按3、8、5。

ask-disease = 请选择疾病。流感请按1。新冠病毒感染请按2。感染性胃肠炎请按3。链球菌咽喉炎请按4。水痘请按5。流行性腮腺炎请按6。咽结膜热，也叫游泳池热，请按7。手足口病请按8。其他传染病请按9。
help-disease = 请选择医生诊断的疾病。流感请按1。新冠病毒感染请按2。诺如病毒等引起的感染性胃肠炎，请按3。溶血性链球菌引起的咽喉炎，请按4。水痘请按5。流行性腮腺炎，也就是痄腮，请按6。腺病毒引起的咽结膜热，请按7。手足口病请按8。其他传染病，请按9。

## 6. Day and time

ask-day = 请选择请假的日期。今天请按1。下一个上学日请按2。从今天起请假好几天，请按3。
ask-arrival-time = 请用24小时制的四位数字，输入孩子到校的时间。例如上午9点30分，请按0、9、3、0。
ask-pickup-time = 请用24小时制的四位数字，输入您来接孩子的时间。例如下午1点15分，请按1、3、1、5。
help-time = 请用24小时制的四位数字输入时间。前两位是小时，后两位是分钟。例如上午9点30分，请按0、9、3、0。下午1点15分，请按1、3、1、5。
time-invalid = 抱歉，这个时间无效。请用24小时制输入四位数字。例如上午9点30分，请按0、9、3、0。

## 7. Message for the teacher

ask-message = 如果要给孩子的班主任留言，请按1。如果不需要，请按2。
record-message = 请在提示音后说出您的留言，最长60秒。说完后，请按井号键。

## 8. Read-back

summary-student = 下面确认您的联络内容。学号，{ $student-digits }。
summary-kind = { $kind ->
        [absence] 孩子要请假。
        [late] 孩子会迟到。
        [early] 孩子要早退。
       *[other] 这是关于您孩子的联络。
    }
summary-day = 请假日期是{ $day-month ->
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
       *[other] { $day-month }月
    }{ $day-day }日{ $day-weekday ->
        [mon] 星期一
        [tue] 星期二
        [wed] 星期三
        [thu] 星期四
        [fri] 星期五
        [sat] 星期六
        [sun] 星期日
       *[other] {""}
    }。
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
summary-reason = 原因是{ $reason ->
        [illness] 生病。
        [injury] 受伤。
        [medical] 去医院看病。
        [family] 家庭原因。
        [bereavement] 家中有丧事。
        [infectious] 因传染病需要暂停到校。
       *[other] 其他原因。
    }
summary-symptom = 孩子的症状是{ $symptom-list }。
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
summary-temperature = 体温是摄氏{ $temperature }度。
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
summary-recording = 您已经给班主任录了留言。
summary-confirm = 如果内容正确，请按1保存。如需从联络类型重新开始，请按2。
restart = 好的，我们从联络类型重新开始。

## 9. Saving and goodbye

saved = 您的联络已经登记。受理编号是{ $reference-digits }。再说一遍，受理编号是{ $reference-digits }。
ask-another = 如果还要为其他孩子联络，请按1。如果没有，您可以挂断电话了。
goodbye = 感谢您的联络。祝您的孩子一切安好。再见。

# A reload removed the step the call was at; it starts again at the student number.
resumed = 非常抱歉。服务已经更新，我们从学生编号开始重新为您办理。

## 6b. Several days

ask-day-count = 从今天起，孩子要请假几个上学日？请按1到9中的一个数字。
help-day-count = 请按请假的上学日天数，包括今天，从1到9。星期六、星期日和节假日等不上学的日子不算在内。例如从今天起请假3天，请按3。
day-count-invalid = 请按1到9中的一个数字。
summary-days = 请假从{ $day-month ->
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
       *[other] { $day-month }月
    }{ $day-day }日开始，共{ $days }个上学日。

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
    }{ $existing-day-day }日的联络已经受理了。内容是{ $existing-kind ->
        [absence] 请假
        [late] 迟到
        [early] 早退
       *[other] 语音留言
    }，受理编号是{ $existing-reference-digits }。
ask-correction = 如果要用这次的内容替换之前的联络，请按1。如果要取消之前的联络，请按2。如果要保留之前的联络，请按3。
confirm-cancel = 我们将取消{ $existing-day-month ->
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
    }{ $existing-day-day }日的联络。如果确定取消，请按1。如果不取消，请按2。
cancelled = 联络已经取消。受理编号是{ $reference-digits }。
kept = 之前的联络已经保留，没有更改。
summary-replaces = 这次的联络将替换之前的联络。
already-reported-several = 这个孩子在这次联络的日期里，已经有{ $existing-count }条联络被受理了。受理编号是{ $existing-references-digits }。
confirm-cancel-several = 我们将取消这些联络。如果确定取消，请按1。如果不取消，请按2。
cancelled-several = 联络已经取消。取消的受理编号是{ $existing-references-digits }。
