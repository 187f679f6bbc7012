### Voice prompts for the absence line, in Vietnamese (vi).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech: short sentences, no symbols.
### Write keys as digits ("bấm phím 1"), and the # key as "phím thăng".
### Decimals in the prompts use a comma, as spoken: 38,5 độ.
### The child is "con" everywhere (the school speaking to a parent about their
### own child), never "cháu"; the parent is "quý phụ huynh". Options as
### "Sốt, phím 1."; an error says what was wrong, the prompt after it gives the example.

## Common

no-input = Xin lỗi, hệ thống chưa nhận được phím bấm nào.
no-match = Xin lỗi, không có lựa chọn này.
give-up = Rất tiếc, chúng tôi chưa ghi nhận được thông báo. Xin quý phụ huynh gọi trực tiếp cho nhà trường. Xin chào quý phụ huynh.
# Spoken when the system fails internally; the call then ends.
error-apology = Chúng tôi thành thật xin lỗi. Hệ thống gặp sự cố nên chưa ghi nhận được thông báo. Xin quý phụ huynh liên hệ trực tiếp với nhà trường. Xin chào quý phụ huynh.
error-busy = Xin lỗi, hiện đường dây đang rất bận. Xin quý phụ huynh gọi lại sau vài phút. Xin chào quý phụ huynh.

## 1. Greeting and language menu

welcome = Cảm ơn quý phụ huynh đã gọi đường dây báo nghỉ học của { $school }.
# Each locale names its own language, in that language, with its own key.
language-option = Tiếng Việt, bấm phím 5.

## 2. Student number

ask-student = Xin nhập mã số học sinh của con, rồi bấm phím thăng.
help-student = Xin dùng bàn phím điện thoại nhập mã số học sinh của con, gồm từ 4 đến 8 chữ số, do nhà trường cung cấp. Nhập xong, xin bấm phím thăng, ở góc dưới bên phải bàn phím.
student-not-found = Xin lỗi, không tìm thấy mã số học sinh này.
# Spoken after the student number could not be found three times.
voice-message = Rất tiếc, chúng tôi không tìm thấy mã số học sinh. Sau tiếng bíp, xin nói họ tên, khối, lớp của con và nội dung cần báo. Nói xong, xin bấm phím thăng.

## 3. Roster check

confirm-student = Con học khối { $grade }, lớp { $class }, số thứ tự { $number }. Nếu đúng, xin bấm phím 1. Để nhập lại mã số, bấm phím 2.

## 4. Type of report

ask-kind = Xin chọn. Con nghỉ học, phím 1. Con đi học muộn, phím 2. Con về sớm, phím 3.
help-kind = Xin chọn loại thông báo. Nếu con nghỉ học, xin bấm phím 1. Nếu hôm nay con đến trường muộn, xin bấm phím 2. Nếu hôm nay con cần rời trường sớm, xin bấm phím 3.

## 5. Reason, symptom, temperature, disease

ask-reason = Xin chọn lý do. Ốm, phím 1. Bị thương, phím 2. Đi khám bệnh, phím 3. Việc gia đình, phím 4. Gia đình có tang, phím 5. Bệnh truyền nhiễm phải nghỉ ở nhà, phím 6. Lý do khác, phím 9.
help-reason = Xin chọn lý do nghỉ học, đi muộn hoặc về sớm. Nếu con không khỏe, xin bấm phím 1. Nếu con bị thương, xin bấm phím 2. Nếu con có lịch khám ở bệnh viện hoặc phòng khám, xin bấm phím 3. Nếu vì việc gia đình, xin bấm phím 4. Nếu gia đình có người mất, xin bấm phím 5. Nếu bác sĩ chẩn đoán con mắc bệnh truyền nhiễm như cúm, và con phải nghỉ học ở nhà, xin bấm phím 6. Nếu vì lý do khác, xin bấm phím 9.

ask-symptom = Xin bấm tất cả các triệu chứng của con. Sốt, phím 1. Ho, đau họng hoặc sổ mũi, phím 2. Tiêu chảy hoặc đau bụng, phím 3. Buồn nôn hoặc nôn, phím 4. Đau đầu, phím 5. Phát ban, phím 6. Triệu chứng khác, phím 9. Bấm xong, xin bấm phím thăng.
help-symptom = Xin bấm lần lượt tất cả các phím ứng với triệu chứng của con. Nếu con bị sốt, bấm phím 1. Nếu con bị ho, đau họng hoặc sổ mũi, bấm phím 2. Nếu con bị tiêu chảy hoặc đau bụng, bấm phím 3. Nếu con buồn nôn hoặc bị nôn, bấm phím 4. Nếu con bị đau đầu, bấm phím 5. Nếu con bị phát ban, bấm phím 6. Nếu là triệu chứng khác, bấm phím 9. Ví dụ, con bị sốt và ho thì bấm phím 1 rồi phím 2. Bấm xong, xin bấm phím thăng.

ask-temperature = Xin nhập nhiệt độ của con bằng 3 chữ số, ví dụ 38,5 độ thì bấm 3, 8, 5, còn nếu chưa đo thì bấm phím thăng.
help-temperature = Xin nhập nhiệt độ theo độ C bằng 3 chữ số, không bấm dấu phẩy. Ví dụ, 37,8 độ thì bấm 3, 7, 8. Đúng 38 độ thì bấm 3, 8, 0. Nếu chưa đo hoặc không biết nhiệt độ, xin chỉ bấm phím thăng.
temperature-invalid = Xin lỗi, nhiệt độ phải từ 35 đến 42 độ.

ask-disease = Xin chọn tên bệnh. Cúm, phím 1. Covid 19, phím 2. Viêm dạ dày ruột truyền nhiễm, phím 3. Viêm họng do liên cầu khuẩn, phím 4. Thủy đậu, phím 5. Quai bị, phím 6. Sốt viêm họng kết mạc, phím 7. Bệnh tay chân miệng, phím 8. Bệnh truyền nhiễm khác, phím 9.
help-disease = Xin chọn bệnh mà bác sĩ đã chẩn đoán cho con. Nếu là cúm, xin bấm phím 1. Nếu là Covid 19, xin bấm phím 2. Nếu là viêm dạ dày ruột truyền nhiễm, ví dụ do vi rút Noro, xin bấm phím 3. Nếu là viêm họng do liên cầu khuẩn, xin bấm phím 4. Nếu là thủy đậu, xin bấm phím 5. Nếu là quai bị, xin bấm phím 6. Nếu là sốt viêm họng kết mạc do vi rút Adeno, xin bấm phím 7. Nếu là bệnh tay chân miệng, xin bấm phím 8. Nếu là bệnh truyền nhiễm khác, xin bấm phím 9.

## 6. Day and time

ask-day = Xin chọn ngày nghỉ. Hôm nay, phím 1. Ngày học tiếp theo, phím 2. Nhiều ngày kể từ hôm nay, phím 3.
ask-arrival-time = Xin nhập giờ con đến trường bằng 4 chữ số, tính theo 24 giờ. Ví dụ, 9 giờ 30 sáng thì bấm 0, 9, 3, 0.
ask-pickup-time = Xin nhập giờ quý phụ huynh đến đón con bằng 4 chữ số, tính theo 24 giờ. Ví dụ, 1 giờ 15 chiều thì bấm 1, 3, 1, 5.
help-time = Xin nhập giờ bằng 4 chữ số, tính theo 24 giờ. 2 chữ số đầu là giờ, 2 chữ số sau là phút. Ví dụ, 9 giờ 30 sáng thì bấm 0, 9, 3, 0. Còn 1 giờ 15 chiều thì bấm 1, 3, 1, 5.
time-invalid = Xin lỗi, giờ vừa nhập không hợp lệ.

## 7. Message for the teacher

ask-message = Để ghi âm lời nhắn cho giáo viên chủ nhiệm, xin bấm phím 1. Nếu không, bấm phím 2.
record-message = Sau tiếng bíp, xin nói lời nhắn, tối đa 60 giây. Nói xong, xin bấm phím thăng.

## 8. Read-back

summary-student = Xin kiểm tra lại thông báo. Mã số học sinh { $student-digits }.
summary-kind = { $kind ->
        [absence] Con sẽ nghỉ học.
        [late] Con sẽ đến trường muộn.
        [early] Con sẽ về sớm.
       *[other] Đây là thông báo về con của quý phụ huynh.
    }
# Read as "thứ Tư, ngày 25 tháng Mười Một"; months are written as words so
# that the voice says "tháng Tư", not "tháng bốn".
summary-day = Ngày nghỉ học là { $day-weekday ->
        [mon] thứ Hai,
        [tue] thứ Ba,
        [wed] thứ Tư,
        [thu] thứ Năm,
        [fri] thứ Sáu,
        [sat] thứ Bảy,
        [sun] Chủ nhật,
       *[other] {""}
    } ngày { $day-day } { $day-month ->
        [1] tháng Một
        [2] tháng Hai
        [3] tháng Ba
        [4] tháng Tư
        [5] tháng Năm
        [6] tháng Sáu
        [7] tháng Bảy
        [8] tháng Tám
        [9] tháng Chín
        [10] tháng Mười
        [11] tháng Mười Một
        [12] tháng Mười Hai
       *[other] tháng { $day-month }
    }.
# Read as 9 giờ 30 phút, 9 giờ 5 phút, or 9 giờ on the hour. The select on
# $time-minute keeps the same variables and variant keys as the English message.
summary-time = { $kind ->
        [late] Giờ đến trường là
        [early] Giờ đến đón con là
       *[other] Thời gian là
    } { $time-minute ->
        [0] { $time-hour } giờ.
        [1] { $time-hour } giờ 1 phút.
        [2] { $time-hour } giờ 2 phút.
        [3] { $time-hour } giờ 3 phút.
        [4] { $time-hour } giờ 4 phút.
        [5] { $time-hour } giờ 5 phút.
        [6] { $time-hour } giờ 6 phút.
        [7] { $time-hour } giờ 7 phút.
        [8] { $time-hour } giờ 8 phút.
        [9] { $time-hour } giờ 9 phút.
       *[other] { $time-hour } giờ { $time-minute } phút.
    }
summary-reason = Lý do là { $reason ->
        [illness] bị ốm.
        [injury] bị thương.
        [medical] đi khám bệnh.
        [family] việc gia đình.
        [bereavement] gia đình có tang.
        [infectious] mắc bệnh truyền nhiễm phải tạm nghỉ học.
       *[other] việc khác.
    }
summary-symptom = Triệu chứng của con là { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] sốt
        [headache] đau đầu
        [respiratory] ho hoặc cảm
        [diarrhoea] tiêu chảy hoặc đau bụng
        [vomiting] buồn nôn hoặc nôn
        [rash] phát ban
       *[other] triệu chứng khác
    }
list-and = { $first } và { $last }
list-comma = { $first }, { $rest }
summary-temperature = Nhiệt độ cơ thể là { $temperature } độ C.
summary-disease = Tên bệnh là { $disease ->
        [influenza] cúm.
        [covid-19] Covid 19.
        [gastroenteritis] viêm dạ dày ruột truyền nhiễm.
        [strep] viêm họng do liên cầu khuẩn.
        [chickenpox] thủy đậu.
        [mumps] quai bị.
        [pharyngoconjunctival-fever] sốt viêm họng kết mạc.
        [hand-foot-mouth] bệnh tay chân miệng.
       *[other] một bệnh truyền nhiễm khác.
    }
summary-recording = Quý phụ huynh đã ghi âm lời nhắn cho giáo viên chủ nhiệm.
summary-confirm = Nếu đúng, xin bấm phím 1 để lưu. Để làm lại từ bước chọn loại thông báo, bấm phím 2.
restart = Xin làm lại từ bước chọn loại thông báo.

## 9. Saving and goodbye

saved = Thông báo của quý phụ huynh đã được ghi nhận. Mã số tiếp nhận là { $reference-digits }. Xin nhắc lại, mã số tiếp nhận là { $reference-digits }.
ask-another = Để báo cho một người con khác, xin bấm phím 1. Nếu không, quý phụ huynh có thể gác máy.
goodbye = Cảm ơn quý phụ huynh đã báo cho nhà trường. Chúc con mọi điều tốt lành. Xin chào quý phụ huynh.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Xin lỗi quý phụ huynh. Hệ thống vừa được cập nhật, xin bắt đầu lại từ mã số học sinh.

## 6b. Several days

ask-day-count = Tính từ hôm nay, con sẽ nghỉ bao nhiêu ngày học? Xin bấm một số từ 1 đến 9.
help-day-count = Xin bấm số ngày học con sẽ nghỉ, tính cả hôm nay, từ 1 đến 9. Không tính thứ Bảy, Chủ nhật và ngày lễ. Ví dụ, nếu con nghỉ 3 ngày kể từ hôm nay, xin bấm phím 3.
day-count-invalid = Xin bấm một số từ 1 đến 9.
summary-days = Thời gian nghỉ học là { $days } ngày học, bắt đầu từ ngày { $day-day } { $day-month ->
        [1] tháng Một
        [2] tháng Hai
        [3] tháng Ba
        [4] tháng Tư
        [5] tháng Năm
        [6] tháng Sáu
        [7] tháng Bảy
        [8] tháng Tám
        [9] tháng Chín
        [10] tháng Mười
        [11] tháng Mười Một
        [12] tháng Mười Hai
       *[other] tháng { $day-month }
    }.

## 6c. A report that was already made

already-reported = Nhà trường đã nhận thông báo về con cho ngày { $existing-day-day } { $existing-day-month ->
        [1] tháng Một
        [2] tháng Hai
        [3] tháng Ba
        [4] tháng Tư
        [5] tháng Năm
        [6] tháng Sáu
        [7] tháng Bảy
        [8] tháng Tám
        [9] tháng Chín
        [10] tháng Mười
        [11] tháng Mười Một
        [12] tháng Mười Hai
       *[other] tháng { $existing-day-month }
    }. Nội dung là { $existing-kind ->
        [absence] nghỉ học
        [late] đi học muộn
        [early] về sớm
       *[other] lời nhắn thoại
    }, mã số tiếp nhận là { $existing-reference-digits }.
ask-correction = Để thay thông báo trước bằng nội dung lần này, xin bấm phím 1. Để hủy thông báo trước, xin bấm phím 2. Để giữ nguyên thông báo trước, xin bấm phím 3.
confirm-cancel = Chúng tôi sẽ hủy thông báo cho ngày { $existing-day-day } { $existing-day-month ->
        [1] tháng Một
        [2] tháng Hai
        [3] tháng Ba
        [4] tháng Tư
        [5] tháng Năm
        [6] tháng Sáu
        [7] tháng Bảy
        [8] tháng Tám
        [9] tháng Chín
        [10] tháng Mười
        [11] tháng Mười Một
        [12] tháng Mười Hai
       *[other] tháng { $existing-day-month }
    }. Nếu đồng ý hủy, xin bấm phím 1. Nếu không hủy, xin bấm phím 2.
cancelled = Thông báo đã được hủy. Mã số tiếp nhận là { $reference-digits }.
kept = Thông báo trước vẫn được giữ nguyên.
summary-replaces = Thông báo này sẽ thay cho thông báo trước.
already-reported-several = Nhà trường đã nhận { $existing-count } thông báo về con cho các ngày của thông báo này, mã số tiếp nhận là { $existing-references-digits }.
confirm-cancel-several = Chúng tôi sẽ hủy tất cả các thông báo này. Nếu đồng ý hủy, xin bấm phím 1. Nếu không hủy, xin bấm phím 2.
cancelled-several = Các thông báo đã được hủy. Mã số tiếp nhận là { $existing-references-digits }.
