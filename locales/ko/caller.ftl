### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = 언어를 바꾸시려면 언제든지 별표를 눌러 주십시오.

known-child = { $known ->
        [all] 자녀 { $known-count }명 모두에 대한 연락입니다.
       *[other] { $child-name ->
            [unnamed] { $grade }학년 { $class }반 자녀에 대한 연락입니다.
           *[other] { $grade }학년 { $class }반 { $child-name } 학생에 대한 연락입니다.
        }
    }
ask-kind-other-child = 다른 자녀에 대한 연락이면 0번을 눌러 주십시오.

pick-child = 어느 자녀에 대한 연락입니까?
pick-child-option = { $child-name ->
        [unnamed] { $grade }학년 { $class }반 자녀: { $key }번.
       *[other] { $child-name }: { $key }번.
    }
pick-child-all = 모두: 9번.
pick-child-other = 다른 자녀: 0번.

summary-child = 연락 내용을 확인하겠습니다. { $child-name ->
        [unnamed] { $grade }학년 { $class }반 자녀.
       *[other] { $grade }학년 { $class }반 { $child-name } 학생.
    }
summary-family = 연락 내용을 확인하겠습니다. 자녀 { $known-count }명 모두에 대한 연락입니다.
summary-family-child = { $child-name ->
        [unnamed] { $grade }학년 { $class }반 자녀.
       *[other] { $child-name } 학생.
    }
saved-family = 자녀마다 연락이 접수되었습니다. 접수 번호는 { $reference-digits }입니다. 다시 한 번 말씀드리겠습니다. 접수 번호는 { $reference-digits }입니다.
