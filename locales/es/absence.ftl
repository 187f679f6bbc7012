### Voice prompts for the absence line, in Spanish (neutral Latin American).
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech (voice es-MX): short sentences, no symbols.
### Write keys as digits ("marque 1"), and the # key as "la tecla numeral".
### Address the parent as "usted". Decimals with a comma ("38,5 grados");
### times read as "las 9:30", "las 9 en punto".
### The child is "el alumno" or left unsaid, never "su hijo o hija" in every
### prompt; "salida temprana"; the grade as an ordinal ("1.º grado", read
### "primer grado"). Options as "Fiebre, marque 1. Tos, 2."; an error says what
### was wrong, the prompt after it gives the example.

## Common

no-input = Lo sentimos, no se marcó ninguna tecla.
no-match = Lo sentimos, esa opción no existe.
give-up = Lo sentimos, no pudimos registrar su aviso. Por favor, llame directamente a la escuela. Hasta luego.
# Spoken when the system fails internally; the call then ends.
error-apology = Le pedimos una disculpa. Hubo un problema en el sistema y no pudimos registrar su aviso. Por favor, comuníquese directamente con la escuela. Hasta luego.
error-busy = Le pedimos una disculpa. En este momento la línea está muy ocupada. Por favor, vuelva a llamar en unos minutos. Hasta luego.

## 1. Greeting and language menu

welcome = Línea de avisos de ausencia de { $school }.
# Each locale names its own language, in that language, with its own key.
language-option = Español, 8.

## 2. Student number

ask-student = Marque el número de estudiante y después la tecla numeral.
help-student = Con el teclado del teléfono, marque el número de estudiante que le dio la escuela, de 4 a 8 dígitos, y después la tecla numeral.
ask-student-fixed = Marque los { $student-length } dígitos del número de estudiante.
help-student-fixed = Con el teclado del teléfono, marque el número de estudiante de { $student-length } dígitos que le dio la escuela.
student-wrong-length = El número de estudiante tiene de 4 a 8 dígitos.
student-wrong-length-fixed = El número de estudiante tiene { $student-length } dígitos.
student-not-found = Lo sentimos, no encontramos el número de estudiante { $keyed-digits }.
# Spoken after the student number could not be found three times.
voice-message = Después del tono, diga el nombre del alumno, el grado, el grupo y su mensaje. Luego presione la tecla numeral.
voice-message-not-found = Lo sentimos, no encontramos ese número de estudiante.
# After repeated failures at a later step, once the child is known.
voice-message-child = Lo sentimos, no pudimos completar su aviso. Después del tono, diga su mensaje para la escuela y luego presione la tecla numeral.

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] Falta por enfermedad el { $today-weekday ->
            [mon] lunes
            [tue] martes
            [wed] miércoles
            [thu] jueves
            [fri] viernes
            [sat] sábado
            [sun] domingo
           *[other] {""}
        } { $today-day ->
            [1] primero
           *[other] { $today-day }
        } { $today-month ->
            [1] de enero
            [2] de febrero
            [3] de marzo
            [4] de abril
            [5] de mayo
            [6] de junio
            [7] de julio
            [8] de agosto
            [9] de septiembre
            [10] de octubre
            [11] de noviembre
            [12] de diciembre
           *[other] del mes { $today-month }
        }, marque 1.
       *[other] Falta hoy por enfermedad, marque 1.
    } Otro motivo u otro día, 2. Llegada tarde, 3. Salida temprana, 4.
help-kind = Si el alumno está enfermo y hoy no va a ir a la escuela, marque 1. Si va a faltar por otro motivo, o en otro día, marque 2. Si va a llegar tarde, marque 3. Si necesita salir temprano, marque 4.

## 5. Reason, symptom, temperature, disease

ask-reason = Enfermedad, marque 1. Lesión, 2. Cita médica, 3. Asuntos familiares, 4. Fallecimiento de un familiar, 5. Enfermedad contagiosa que obliga a quedarse en casa, 6. Otro motivo, 9.
help-reason = Elija el motivo de la falta, la llegada tarde o la salida temprana. Si el alumno se siente mal, marque 1. Si se lastimó, marque 2. Si tiene cita en un hospital o una clínica, marque 3. Por asuntos familiares, marque 4. Por el fallecimiento de un familiar, marque 5. Si el médico le diagnosticó una enfermedad contagiosa, como la influenza, por la que no puede ir a la escuela, marque 6. Por cualquier otro motivo, marque 9.

ask-symptom = Marque todos los síntomas. Fiebre, 1. Tos, dolor de garganta o mocos, 2. Diarrea o dolor de estómago, 3. Náuseas o vómito, 4. Dolor de cabeza, 5. Ronchas o sarpullido, 6. Otro, 9.
help-symptom = Marque, uno tras otro, los números de todos los síntomas del alumno. Si tiene fiebre, marque 1. Si tiene tos, dolor de garganta o mocos, marque 2. Si tiene diarrea o dolor de estómago, marque 3. Si tiene náuseas o vómito, marque 4. Si tiene dolor de cabeza, marque 5. Si tiene ronchas o sarpullido, marque 6. Para cualquier otro síntoma, marque 9. Por ejemplo, para fiebre y tos, marque 1 y luego 2. Al terminar, solo espere.

ask-temperature = Marque la temperatura en 3 dígitos, como 3, 8, 5 para 38,5, o la tecla numeral si no la midió.
help-temperature = Marque la temperatura en grados centígrados con 3 dígitos, sin la coma. Por ejemplo, para 37,8 grados, marque 3, 7, 8. Para 38 grados exactos, marque 3, 8, 0. Si no midió la temperatura o no la sabe, presione solo la tecla numeral.
temperature-invalid = Lo sentimos, la temperatura debe estar entre 35 y 42 grados.

ask-disease = Influenza, marque 1. COVID, 2. Gastroenteritis infecciosa, 3. Infección de garganta por estreptococo, 4. Varicela, 5. Paperas, 6. Fiebre faringoconjuntival, 7. Enfermedad de manos, pies y boca, 8. Otra enfermedad contagiosa, 9.
help-disease = Elija la enfermedad que le diagnosticó el médico. Para influenza, marque 1. Para COVID, marque 2. Para gastroenteritis infecciosa, como la causada por norovirus, marque 3. Para infección de garganta por estreptococo, marque 4. Para varicela, marque 5. Para paperas, marque 6. Para fiebre faringoconjuntival, causada por adenovirus, marque 7. Para la enfermedad de manos, pies y boca, marque 8. Para cualquier otra enfermedad contagiosa, marque 9.

## 6. Day and time

ask-day = Hoy, marque 1. El próximo día de clases, 2. Varios días a partir de hoy, 3.
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $today-day ->
        [1] primero
       *[other] { $today-day }
    } { $today-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $today-month }
    }, marque 1. { $next-day-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $next-day-day ->
        [1] primero
       *[other] { $next-day-day }
    } { $next-day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $next-day-month }
    }, 2. Varios días a partir del { $today-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $today-day ->
        [1] primero
       *[other] { $today-day }
    } { $today-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $today-month }
    }, 3.
ask-arrival-time = Marque la hora de llegada en formato de 24 horas, por ejemplo 9, 3, 0 para las 9:30, y después la tecla numeral.
ask-pickup-time = Marque la hora en que recogerá al alumno, en formato de 24 horas, por ejemplo 1, 3, 1, 5 para las 13:15, y después la tecla numeral.
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = Este aviso es para el { $day-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $day-day ->
        [1] primero
       *[other] { $day-day }
    } { $day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $day-month }
    }.
help-time = Marque la hora y luego los minutos, en formato de 24 horas, y después la tecla numeral. Por ejemplo, para las 9:30 de la mañana, marque 9, 3, 0. Para la 1:15 de la tarde, marque 1, 3, 1, 5.
time-invalid = Lo sentimos, esa hora no es válida.

## 7. Message for the teacher

record-message = Después del tono, diga su mensaje para el maestro, en 60 segundos como máximo, y presione la tecla numeral. Su aviso se guarda enseguida.

## 8. Read-back

summary-student = Estudiante { $student-digits }, { $grade }.º grado, grupo { $class }, número { $number }.
# The read-back at a school without a roster.
summary-student-number = Estudiante { $student-digits }.
summary-kind = { $kind ->
        [absence] Falta
        [late] Llegada tarde
        [early] Salida temprana
       *[other] Aviso para
    } el { $day-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $day-day ->
        [1] primero
       *[other] { $day-day }
    } { $day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $day-month }
    }.
# Read as "a las 9:30", "a las 9:05", "a las 9 en punto", "a la 1:15".
summary-time = { $kind ->
        [late] La hora de llegada es
        [early] La hora de salida es
       *[other] La hora es
    } { $time-hour ->
        [1] a la
       *[other] a las
    } { $time-minute ->
        [0] { $time-hour } en punto.
        [1] { $time-hour }:01.
        [2] { $time-hour }:02.
        [3] { $time-hour }:03.
        [4] { $time-hour }:04.
        [5] { $time-hour }:05.
        [6] { $time-hour }:06.
        [7] { $time-hour }:07.
        [8] { $time-hour }:08.
        [9] { $time-hour }:09.
       *[other] { $time-hour }:{ $time-minute }.
    }
summary-reason = { $reason ->
        [illness] Enfermedad.
        [injury] Lesión.
        [medical] Cita médica.
        [family] Asuntos familiares.
        [bereavement] Fallecimiento de un familiar.
        [infectious] Enfermedad contagiosa, debe quedarse en casa.
       *[other] Otro motivo.
    }
summary-symptom = Tiene { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] fiebre
        [headache] dolor de cabeza
        [respiratory] tos o resfriado
        [diarrhoea] diarrea o dolor de estómago
        [vomiting] náuseas o vómito
        [rash] ronchas o sarpullido
       *[other] otro síntoma
    }
list-and = { $first } y { $last }
list-comma = { $first }, { $rest }
summary-temperature = { $temperature } grados.
summary-disease = La enfermedad es { $disease ->
        [influenza] influenza.
        [covid-19] COVID-19.
        [gastroenteritis] gastroenteritis infecciosa.
        [strep] faringitis por estreptococo.
        [chickenpox] varicela.
        [mumps] paperas.
        [pharyngoconjunctival-fever] fiebre faringoconjuntival.
        [hand-foot-mouth] enfermedad de manos, pies y boca.
       *[other] otra enfermedad contagiosa.
    }
summary-confirm = Guardar, marque 1. Empezar de nuevo, 2. Guardar con un mensaje para el maestro, 3.
restart = Vamos a empezar de nuevo desde el número de estudiante.

## 9. Saving and goodbye

saved = Aviso registrado. Su número de referencia es { $reference-digits }.
ask-another = Para otro alumno, marque 1.
goodbye = Gracias por avisarnos. Hasta luego.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Le pedimos una disculpa. El servicio se actualizó, así que vamos a empezar de nuevo desde el número de estudiante.

## 6b. Several days

ask-day-count = ¿Cuántos días de clases? Marque un número del 1 al 9.
help-day-count = Marque el número de días de clases de la falta, contando hoy, del 1 al 9. No se cuentan los sábados, domingos ni días festivos. Por ejemplo, para 3 días a partir de hoy, marque 3.
day-count-invalid = Marque un número del 1 al 9.
# "Número de días de clases, 3": $days is text, so a variant for 1 día could never be chosen.
summary-days = Falta del { $day-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $day-day ->
        [1] primero
       *[other] { $day-day }
    } { $day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $day-month }
    } al { $last-day-weekday ->
        [mon] lunes
        [tue] martes
        [wed] miércoles
        [thu] jueves
        [fri] viernes
        [sat] sábado
        [sun] domingo
       *[other] {""}
    } { $last-day-day ->
        [1] primero
       *[other] { $last-day-day }
    } { $last-day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $last-day-month }
    }, { $days } días de clases.

## 6c. A report that was already made

already-reported = Ya tenemos un aviso de este alumno para el { $existing-day-day ->
        [1] primero
       *[other] { $existing-day-day }
    } { $existing-day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $existing-day-month }
    }. Es { $existing-kind ->
        [absence] un aviso de ausencia
        [late] un aviso de llegada tarde
        [early] un aviso de salida temprana
       *[other] un mensaje de voz
    }, con número de referencia { $existing-reference-digits }.
ask-correction = Para reemplazar el aviso anterior con este, marque 1. Para cancelar el aviso anterior, marque 2. Para dejar el aviso anterior como está, marque 3.
confirm-cancel = Vamos a cancelar el aviso del { $existing-day-day ->
        [1] primero
       *[other] { $existing-day-day }
    } { $existing-day-month ->
        [1] de enero
        [2] de febrero
        [3] de marzo
        [4] de abril
        [5] de mayo
        [6] de junio
        [7] de julio
        [8] de agosto
        [9] de septiembre
        [10] de octubre
        [11] de noviembre
        [12] de diciembre
       *[other] del mes { $existing-day-month }
    }. Para cancelarlo, marque 1. Para no cancelarlo, marque 2.
cancelled = El aviso quedó cancelado. El número de referencia es { $reference-digits }.
kept = El aviso anterior se quedó como estaba.
summary-replaces = Este aviso va a reemplazar al anterior.
already-reported-several = Ya tenemos { $existing-count } avisos de este alumno para los días de este aviso, con los números de referencia { $existing-references-digits }.
confirm-cancel-several = Vamos a cancelar todos esos avisos. Para cancelarlos, marque 1. Para no cancelarlos, marque 2.
cancelled-several = Los avisos quedaron cancelados. Los números de referencia son { $existing-references-digits }.
