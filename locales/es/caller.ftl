### Callers recognised by number: same ids and variables as locales/ja/caller.ftl.
### Only the child's given name, grade and class are said (a number can be forged).
### $child-name is "unnamed" when the roster has no reading: say grade and class.

change-language = Para cambiar el idioma, marque asterisco en cualquier momento.

known-child = { $known ->
        [all] El aviso es para sus { $known-count } hijos.
       *[other] { $child-name ->
            [unnamed] El aviso es para su estudiante del grado { $grade }, grupo { $class }.
           *[other] El aviso es para { $child-name }, del grado { $grade }, grupo { $class }.
        }
    }
ask-kind-other-child = Si es por otro de sus hijos, marque 0.

pick-child = ¿Para cuál de sus hijos es el aviso?
pick-child-option = { $child-name ->
        [unnamed] Grado { $grade }, grupo { $class }: { $key }.
       *[other] { $child-name }: { $key }.
    }
pick-child-all = Todos: 9.
pick-child-other = Otro de sus hijos: 0.

summary-child = Revisemos su aviso. { $child-name ->
        [unnamed] Su estudiante del grado { $grade }, grupo { $class }.
       *[other] { $child-name }, del grado { $grade }, grupo { $class }.
    }
summary-family = Revisemos su aviso. Es para sus { $known-count } hijos.
summary-family-child = { $child-name ->
        [unnamed] Grado { $grade }, grupo { $class }.
       *[other] { $child-name }.
    }
saved-family = Sus avisos quedaron registrados, uno por cada hijo. Sus números de referencia son { $reference-digits }. Le repito, sus números de referencia son { $reference-digits }.
