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

welcome = Đường dây báo nghỉ học { $school } xin chào quý phụ huynh.
# Each locale names its own language, in that language, with its own key.
language-option = Tiếng Việt, phím 5.

## 2. Student number

ask-student = Xin nhập mã số học sinh của con, rồi bấm phím thăng.
help-student = Xin dùng bàn phím điện thoại nhập mã số học sinh nhà trường đã cung cấp, gồm từ 4 đến 8 chữ số, rồi bấm phím thăng.
ask-student-fixed = Xin nhập mã số học sinh { $student-length } chữ số.
help-student-fixed = Xin dùng bàn phím điện thoại nhập mã số học sinh { $student-length } chữ số mà nhà trường đã cung cấp.
student-wrong-length = Mã số học sinh có từ 4 đến 8 chữ số.
student-wrong-length-fixed = Mã số học sinh có { $student-length } chữ số.
student-not-found = Xin lỗi, không tìm thấy mã số học sinh { $keyed-digits }.
# Spoken after the student number could not be found three times.
voice-message = Sau tiếng bíp, xin nói họ tên, khối, lớp của con và nội dung cần báo. Nói xong, xin bấm phím thăng.
voice-message-not-found = Xin lỗi, không tìm thấy mã số học sinh này.
# After repeated failures at a later step, once the child is known.
voice-message-child = Xin lỗi, chưa hoàn tất được thông báo. Sau tiếng bíp, xin nói điều quý phụ huynh muốn báo cho nhà trường, rồi bấm phím thăng.

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] Nghỉ ốm { $today-weekday ->
            [mon] thứ Hai,
            [tue] thứ Ba,
            [wed] thứ Tư,
            [thu] thứ Năm,
            [fri] thứ Sáu,
            [sat] thứ Bảy,
            [sun] Chủ nhật,
           *[other] {""}
        } ngày { $today-day } { $today-month ->
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
           *[other] tháng { $today-month }
        }, phím 1.
       *[other] Hôm nay nghỉ ốm, phím 1.
    } Nghỉ vì lý do khác hoặc ngày khác, phím 2. Đi muộn, phím 3. Về sớm, phím 4.
help-kind = Nếu hôm nay con bị ốm và nghỉ học, xin bấm phím 1. Nếu con nghỉ vì lý do khác, hoặc nghỉ vào ngày khác, xin bấm phím 2. Nếu con đến trường muộn, xin bấm phím 3. Nếu con cần về sớm, xin bấm phím 4.

## 5. Reason, symptom, temperature, disease

ask-reason = Ốm, phím 1. Bị thương, phím 2. Đi khám bệnh, phím 3. Việc gia đình, phím 4. Gia đình có tang, phím 5. Bệnh truyền nhiễm phải nghỉ ở nhà, phím 6. Lý do khác, phím 9.
help-reason = Xin chọn lý do nghỉ học, đi muộn hoặc về sớm. Nếu con không khỏe, xin bấm phím 1. Nếu con bị thương, xin bấm phím 2. Nếu con có lịch khám ở bệnh viện hoặc phòng khám, xin bấm phím 3. Nếu vì việc gia đình, xin bấm phím 4. Nếu gia đình có người mất, xin bấm phím 5. Nếu bác sĩ chẩn đoán con mắc bệnh truyền nhiễm như cúm, và con phải nghỉ học ở nhà, xin bấm phím 6. Nếu vì lý do khác, xin bấm phím 9.

ask-symptom = Xin bấm tất cả triệu chứng. Sốt, phím 1. Ho, đau họng, sổ mũi, phím 2. Tiêu chảy, đau bụng, phím 3. Buồn nôn, nôn, phím 4. Đau đầu, phím 5. Phát ban, phím 6. Khác, phím 9.
help-symptom = Xin bấm lần lượt tất cả các phím ứng với triệu chứng của con. Nếu con bị sốt, bấm phím 1. Nếu con bị ho, đau họng hoặc sổ mũi, bấm phím 2. Nếu con bị tiêu chảy hoặc đau bụng, bấm phím 3. Nếu con buồn nôn hoặc bị nôn, bấm phím 4. Nếu con bị đau đầu, bấm phím 5. Nếu con bị phát ban, bấm phím 6. Nếu là triệu chứng khác, bấm phím 9. Ví dụ, con bị sốt và ho thì bấm phím 1 rồi phím 2. Bấm xong, xin chờ một chút.

ask-temperature = Xin nhập nhiệt độ bằng 3 chữ số, như 38,5 độ thì bấm 3, 8, 5. Chưa đo thì bấm phím thăng.
help-temperature = Xin nhập nhiệt độ theo độ C bằng 3 chữ số, không bấm dấu phẩy. Ví dụ, 37,8 độ thì bấm 3, 7, 8. Đúng 38 độ thì bấm 3, 8, 0. Nếu chưa đo hoặc không biết nhiệt độ, xin chỉ bấm phím thăng.
temperature-invalid = Xin lỗi, nhiệt độ phải từ 35 đến 42 độ.

ask-disease = Cúm, phím 1. Covid 19, phím 2. Viêm dạ dày ruột truyền nhiễm, phím 3. Viêm họng do liên cầu khuẩn, phím 4. Thủy đậu, phím 5. Quai bị, phím 6. Sốt viêm họng kết mạc, phím 7. Bệnh tay chân miệng, phím 8. Bệnh truyền nhiễm khác, phím 9.
help-disease = Xin chọn bệnh mà bác sĩ đã chẩn đoán cho con. Nếu là cúm, xin bấm phím 1. Nếu là Covid 19, xin bấm phím 2. Nếu là viêm dạ dày ruột truyền nhiễm, ví dụ do vi rút Noro, xin bấm phím 3. Nếu là viêm họng do liên cầu khuẩn, xin bấm phím 4. Nếu là thủy đậu, xin bấm phím 5. Nếu là quai bị, xin bấm phím 6. Nếu là sốt viêm họng kết mạc do vi rút Adeno, xin bấm phím 7. Nếu là bệnh tay chân miệng, xin bấm phím 8. Nếu là bệnh truyền nhiễm khác, xin bấm phím 9.

## 6. Day and time

ask-day = Hôm nay, phím 1. Ngày học tiếp theo, phím 2. Nhiều ngày kể từ hôm nay, phím 3.
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-weekday ->
        [mon] thứ Hai,
        [tue] thứ Ba,
        [wed] thứ Tư,
        [thu] thứ Năm,
        [fri] thứ Sáu,
        [sat] thứ Bảy,
        [sun] Chủ nhật,
       *[other] {""}
    } ngày { $today-day } { $today-month ->
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
       *[other] tháng { $today-month }
    }, phím 1. { $next-day-weekday ->
        [mon] thứ Hai,
        [tue] thứ Ba,
        [wed] thứ Tư,
        [thu] thứ Năm,
        [fri] thứ Sáu,
        [sat] thứ Bảy,
        [sun] Chủ nhật,
       *[other] {""}
    } ngày { $next-day-day } { $next-day-month ->
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
       *[other] tháng { $next-day-month }
    }, phím 2. Nhiều ngày kể từ { $today-weekday ->
        [mon] thứ Hai,
        [tue] thứ Ba,
        [wed] thứ Tư,
        [thu] thứ Năm,
        [fri] thứ Sáu,
        [sat] thứ Bảy,
        [sun] Chủ nhật,
       *[other] {""}
    } ngày { $today-day } { $today-month ->
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
       *[other] tháng { $today-month }
    }, phím 3.
ask-arrival-time = Xin nhập giờ con đến trường theo cách tính 24 giờ, ví dụ 9 giờ 30 thì bấm 9, 3, 0, rồi bấm phím thăng.
ask-pickup-time = Xin nhập giờ đến đón con theo cách tính 24 giờ, ví dụ 13 giờ 15 thì bấm 1, 3, 1, 5, rồi bấm phím thăng.
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = Thông báo này cho { $day-weekday ->
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
help-time = Xin nhập giờ rồi đến phút, theo cách tính 24 giờ, sau đó bấm phím thăng. Ví dụ, 9 giờ 30 sáng thì bấm 9, 3, 0. Còn 1 giờ 15 chiều thì bấm 1, 3, 1, 5.
time-invalid = Xin lỗi, giờ vừa nhập không hợp lệ.

## 7. Message for the teacher

record-message = Sau tiếng bíp, xin nói lời nhắn cho giáo viên, tối đa 60 giây, rồi bấm phím thăng. Thông báo sẽ được lưu ngay sau đó.

## 8. Read-back

summary-student = Mã số học sinh { $student-digits }, khối { $grade }, lớp { $class }, số thứ tự { $number }.
# The read-back at a school without a roster.
summary-student-number = Mã số học sinh { $student-digits }.
summary-kind = { $kind ->
        [absence] Nghỉ học
        [late] Đi học muộn
        [early] Về sớm
       *[other] Thông báo cho
    } { $day-weekday ->
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
summary-reason = { $reason ->
        [illness] Bị ốm.
        [injury] Bị thương.
        [medical] Đi khám bệnh.
        [family] Việc gia đình.
        [bereavement] Gia đình có tang.
        [infectious] Bệnh truyền nhiễm, phải tạm nghỉ học.
       *[other] Lý do khác.
    }
summary-symptom = Triệu chứng là { $symptom-list }.
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
summary-temperature = { $temperature } độ.
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
summary-confirm = Lưu, phím 1. Làm lại, phím 2. Ghi lời nhắn cho giáo viên rồi lưu, phím 3.
restart = Xin làm lại từ mã số học sinh.

## 9. Saving and goodbye

saved = Nhà trường đã ghi nhận thông báo. Mã số tiếp nhận là { $reference-digits }.
ask-another = Báo cho con khác, phím 1.
goodbye = Cảm ơn quý phụ huynh đã báo cho nhà trường. Chúc con mọi điều tốt lành. Xin chào quý phụ huynh.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Xin lỗi quý phụ huynh. Hệ thống vừa được cập nhật, xin bắt đầu lại từ mã số học sinh.

## 6b. Several days

ask-day-count = Con nghỉ bao nhiêu ngày học? Xin bấm một số từ 1 đến 9.
help-day-count = Xin bấm số ngày học con sẽ nghỉ, tính cả hôm nay, từ 1 đến 9. Không tính thứ Bảy, Chủ nhật và ngày lễ. Ví dụ, nếu con nghỉ 3 ngày kể từ hôm nay, xin bấm phím 3.
day-count-invalid = Xin bấm một số từ 1 đến 9.
summary-days = Nghỉ học từ { $day-weekday ->
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
    } đến { $last-day-weekday ->
        [mon] thứ Hai,
        [tue] thứ Ba,
        [wed] thứ Tư,
        [thu] thứ Năm,
        [fri] thứ Sáu,
        [sat] thứ Bảy,
        [sun] Chủ nhật,
       *[other] {""}
    } ngày { $last-day-day } { $last-day-month ->
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
       *[other] tháng { $last-day-month }
    }, tổng cộng { $days } ngày học.

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
