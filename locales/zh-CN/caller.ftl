### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = 如需更换语言，请随时按星号键。

known-child = { $known ->
        [all] 您要报告的是全部{ $known-count }个孩子。
       *[other] { $child-name ->
            [unnamed] 您要报告的是{ $grade }年级{ $class }班的孩子。
           *[other] 您要报告的是{ $grade }年级{ $class }班的{ $child-name }。
        }
    }
ask-kind-other-child = 如果是其他孩子，请按0。

pick-child = 请问是哪个孩子？
pick-child-option = { $child-name ->
        [unnamed] { $grade }年级{ $class }班的孩子，请按{ $key }。
       *[other] { $child-name }，请按{ $key }。
    }
pick-child-all = 全部孩子，请按9。
pick-child-other = 其他孩子，请按0。

summary-child = 请核对您的报告。{ $child-name ->
        [unnamed] { $grade }年级{ $class }班的孩子。
       *[other] { $grade }年级{ $class }班的{ $child-name }。
    }
summary-family = 请核对您的报告。这是全部{ $known-count }个孩子的报告。
summary-family-child = { $child-name ->
        [unnamed] { $grade }年级{ $class }班的孩子。
       *[other] { $child-name }。
    }
saved-family = 已为每个孩子分别登记。登记编号是{ $reference-digits }。再说一遍，登记编号是{ $reference-digits }。
