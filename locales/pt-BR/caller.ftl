### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = Para mudar o idioma, tecle asterisco a qualquer momento.

known-child = { $known ->
        [all] O aviso é para todos os seus { $known-count } filhos.
       *[other] { $child-name ->
            [unnamed] O aviso é para a criança do { $grade }º ano, turma { $class }.
           *[other] O aviso é para { $child-name }, do { $grade }º ano, turma { $class }.
        }
    }
ask-kind-other-child = Para outra criança, tecle 0.

pick-child = Para qual criança é o aviso?
pick-child-option = { $child-name ->
        [unnamed] Criança do { $grade }º ano, turma { $class }: { $key }.
       *[other] { $child-name }: { $key }.
    }
pick-child-all = Todos: 9.
pick-child-other = Outra criança: 0.

summary-child = Vamos conferir o aviso. { $child-name ->
        [unnamed] Criança do { $grade }º ano, turma { $class }.
       *[other] { $child-name }, do { $grade }º ano, turma { $class }.
    }
summary-family = Vamos conferir o aviso. Ele vale para todos os seus { $known-count } filhos.
summary-family-child = { $child-name ->
        [unnamed] Criança do { $grade }º ano, turma { $class }.
       *[other] { $child-name }.
    }
saved-family = Os avisos foram registrados, um para cada criança. Os números de protocolo são { $reference-digits }. Repetindo, os números de protocolo são { $reference-digits }.
