### Callers recognised by number (their number is in the roster's phones).
### A caller's number can be forged, so only the child's given name and grade
### and class are ever said: never the family name, full name or student number.
###   $child-name  the given name from the roster's kana, romanised; "unnamed" without a reading
###   $known       1 (one child) or all (all of them); $known-count how many children
###   $key         the key that picks this child
###   $grade $class

# Said once, after the welcome in the language remembered from the last call.
change-language = To change the language, press the star key at any time.

## Before and after the type of report

known-child = { $known ->
        [all] This is about all { $known-count } of your children.
       *[other] { $child-name ->
            [unnamed] This is about your child in grade { $grade }, class { $class }.
           *[other] This is about { $child-name }, grade { $grade }, class { $class }.
        }
    }
ask-kind-other-child = For another child, press 0.

## Siblings: pick the child

pick-child = Which child are you calling about?
# Said once for each child, with its key.
pick-child-option = { $child-name ->
        [unnamed] Grade { $grade }, class { $class }: { $key }.
       *[other] { $child-name }: { $key }.
    }
pick-child-all = All of them: 9.
pick-child-other = Another child: 0.

## The read-back and the reference

summary-child = Let us check your report. { $child-name ->
        [unnamed] Your child in grade { $grade }, class { $class }.
       *[other] { $child-name }, grade { $grade }, class { $class }.
    }
summary-family = Let us check your report. It is for all { $known-count } of your children.
# A report for all of them: said for each child.
summary-family-child = { $child-name ->
        [unnamed] Grade { $grade }, class { $class }.
       *[other] { $child-name }.
    }
saved-family = Your reports have been recorded, one for each child. Your reference numbers are { $reference-digits }. Once again, your reference numbers are { $reference-digits }.
