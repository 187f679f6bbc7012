### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = Để đổi ngôn ngữ, xin bấm phím sao bất cứ lúc nào.

known-child = { $known ->
        [all] Thông báo này dành cho cả { $known-count } con của quý phụ huynh.
       *[other] { $child-name ->
            [unnamed] Thông báo này dành cho con học khối { $grade }, lớp { $class }.
           *[other] Thông báo này dành cho con { $child-name }, khối { $grade }, lớp { $class }.
        }
    }
ask-kind-other-child = Nếu là con khác, xin bấm phím 0.

pick-child = Quý phụ huynh báo cho con nào?
pick-child-option = { $child-name ->
        [unnamed] Con học khối { $grade }, lớp { $class }: phím { $key }.
       *[other] Con { $child-name }: phím { $key }.
    }
pick-child-all = Tất cả các con: phím 9.
pick-child-other = Con khác: phím 0.

summary-child = Xin kiểm tra lại thông báo. { $child-name ->
        [unnamed] Con học khối { $grade }, lớp { $class }.
       *[other] Con { $child-name }, khối { $grade }, lớp { $class }.
    }
summary-family = Xin kiểm tra lại thông báo. Thông báo dành cho cả { $known-count } con.
summary-family-child = { $child-name ->
        [unnamed] Con học khối { $grade }, lớp { $class }.
       *[other] Con { $child-name }.
    }
saved-family = Thông báo cho từng con đã được ghi nhận. Các mã số tiếp nhận là { $reference-digits }. Xin nhắc lại, các mã số tiếp nhận là { $reference-digits }.
