### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = Para magpalit ng wika, pindutin ang star anumang oras.

known-child = { $known ->
        [all] Para po ito sa lahat ng { $known-count } ninyong anak.
       *[other] { $child-name ->
            [unnamed] Para po ito sa inyong anak sa Grade { $grade }, Section { $class }.
           *[other] Para po ito kay { $child-name }, Grade { $grade }, Section { $class }.
        }
    }
ask-kind-other-child = Para sa ibang anak, pindutin ang 0.

pick-child = Para kaninong anak po ang ulat?
pick-child-option = { $child-name ->
        [unnamed] Anak sa Grade { $grade }, Section { $class }: { $key }.
       *[other] { $child-name }: { $key }.
    }
pick-child-all = Lahat sila: 9.
pick-child-other = Ibang anak: 0.

summary-child = Suriin po natin ang inyong ulat. { $child-name ->
        [unnamed] Ang inyong anak sa Grade { $grade }, Section { $class }.
       *[other] Si { $child-name }, Grade { $grade }, Section { $class }.
    }
summary-family = Suriin po natin ang inyong ulat. Para po ito sa lahat ng { $known-count } ninyong anak.
summary-family-child = { $child-name ->
        [unnamed] Anak sa Grade { $grade }, Section { $class }.
       *[other] Si { $child-name }.
    }
saved-family = Natanggap na po ang ulat para sa bawat anak. Ang mga reference number ay { $reference-digits }. Uulitin po namin, ang mga reference number ay { $reference-digits }.
