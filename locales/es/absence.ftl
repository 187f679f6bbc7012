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
### Address the parent as "usted". Decimals with a point ("38.5 grados");
### times read as "las 9:30", "las 9 en punto".

## Common

no-input = Lo sentimos, no se marcó ninguna tecla.
no-match = Lo sentimos, esa tecla no es una de las opciones.
give-up = Lo sentimos, no pudimos recibir su aviso. Por favor, llame directamente a la escuela. Hasta luego.
# Spoken when the system fails internally; the call then ends.
error-apology = Le pedimos una disculpa. Ocurrió un problema en el sistema y no pudimos recibir su aviso. Por favor, comuníquese directamente con la escuela. Hasta luego.
error-busy = Le pedimos una disculpa. En este momento la línea está muy ocupada. Por favor, vuelva a llamar en unos minutos. Hasta luego.

## 1. Greeting and language menu

welcome = Gracias por llamar a { $school }. Esta es la línea para avisar ausencias.
# Each locale names its own language, in that language, with its own key.
language-option = Para español, marque 8.

## 2. Student number

ask-student = Marque el número de estudiante de su hijo o hija y después presione la tecla numeral.
help-student = Con el teclado del teléfono, marque el número de estudiante de su hijo o hija. Es un número de 4 a 8 dígitos que le dio la escuela. Después del último dígito, presione la tecla numeral, también llamada tecla de gato.
student-not-found = Lo sentimos, no encontramos ese número de estudiante. Por favor, márquelo de nuevo.
# Spoken after the student number could not be found three times.
voice-message = Lo sentimos, no pudimos encontrar el número de estudiante. Después del tono, diga el nombre de su hijo o hija, el grado y el grupo, y los detalles de su aviso. Cuando termine, presione la tecla numeral.

## 3. Roster check

confirm-student = Su hijo o hija está en el grado { $grade }, grupo { $class }, número de lista { $number }. Si es correcto, marque 1. Para marcar el número otra vez, marque 2.

## 4. Type of report

ask-kind = Si su hijo o hija va a faltar, marque 1. Si va a llegar tarde, marque 2. Si necesita salir temprano, marque 3.
help-kind = Elija el tipo de aviso. Si su hijo o hija no va a ir a la escuela, marque 1. Si hoy va a llegar tarde, marque 2. Si hoy necesita salir de la escuela antes de la hora de salida, marque 3.

## 5. Reason, symptom, temperature, disease

ask-reason = Elija el motivo. Por enfermedad, marque 1. Por una lesión, marque 2. Por una cita médica, marque 3. Por asuntos familiares, marque 4. Por el fallecimiento de un familiar, marque 5. Por una enfermedad contagiosa que obliga a quedarse en casa, marque 6. Por cualquier otro motivo, marque 9.
help-reason = Elija el motivo de la ausencia, la llegada tarde o la salida temprana. Si su hijo o hija se siente mal, marque 1. Si se lastimó, marque 2. Si tiene una cita en un hospital o una clínica, marque 3. Por asuntos familiares, marque 4. Por el fallecimiento de un familiar, marque 5. Si un médico le diagnosticó una enfermedad contagiosa, como la influenza, por la que no puede ir a la escuela, marque 6. Por cualquier otro motivo, marque 9.

ask-symptom = Elija los síntomas. Marque todos los números que correspondan. Para fiebre, marque 1. Para tos, dolor de garganta o secreción nasal, marque 2. Para diarrea o dolor de estómago, marque 3. Para náuseas o vómito, marque 4. Para dolor de cabeza, marque 5. Para ronchas o sarpullido, marque 6. Para cualquier otro síntoma, marque 9. Al terminar, presione la tecla numeral.
help-symptom = Marque, uno tras otro, los números de todos los síntomas de su hijo o hija. Si tiene fiebre, marque 1. Si tiene tos, dolor de garganta o secreción nasal, marque 2. Si tiene diarrea o dolor de estómago, marque 3. Si tiene náuseas o vómito, marque 4. Si tiene dolor de cabeza, marque 5. Si tiene ronchas o sarpullido, marque 6. Para cualquier otro síntoma, marque 9. Por ejemplo, para fiebre y tos, marque 1 y luego 2. Al terminar, presione la tecla numeral.

ask-temperature = Marque la temperatura de su hijo o hija con tres dígitos. Por ejemplo, para 38.5 grados, marque 3, 8, 5. Si no la ha medido, presione la tecla numeral.
help-temperature = Marque la temperatura en grados centígrados con tres dígitos, sin el punto decimal. Por ejemplo, para 37.8 grados, marque 3, 7, 8. Para 38 grados exactos, marque 3, 8, 0. Si no ha medido la temperatura o no la sabe, presione solo la tecla numeral.
temperature-invalid = Lo sentimos, no pudimos aceptar esa temperatura. Marque una temperatura entre 35 y 42 grados, con tres dígitos. Por ejemplo, para 38.5 grados, marque 3, 8, 5.

ask-disease = Elija la enfermedad. Para influenza, marque 1. Para COVID-19, marque 2. Para gastroenteritis infecciosa, marque 3. Para faringitis por estreptococo, marque 4. Para varicela, marque 5. Para paperas, marque 6. Para fiebre faringoconjuntival, marque 7. Para la enfermedad de manos, pies y boca, marque 8. Para cualquier otra enfermedad contagiosa, marque 9.
help-disease = Elija la enfermedad que le diagnosticó el médico. Para influenza, marque 1. Para COVID-19, marque 2. Para gastroenteritis infecciosa, como la causada por norovirus, marque 3. Para faringitis por estreptococo, marque 4. Para varicela, marque 5. Para paperas, marque 6. Para fiebre faringoconjuntival, causada por adenovirus, marque 7. Para la enfermedad de manos, pies y boca, marque 8. Para cualquier otra enfermedad contagiosa, marque 9.

## 6. Day and time

ask-day = Elija el día de la ausencia. Para hoy, marque 1. Para el próximo día de clases, marque 2. Para varios días a partir de hoy, marque 3.
ask-arrival-time = Marque la hora en que su hijo o hija llegará a la escuela, con cuatro dígitos, en formato de 24 horas. Por ejemplo, para las 9:30 de la mañana, marque 0, 9, 3, 0.
ask-pickup-time = Marque la hora en que usted recogerá a su hijo o hija, con cuatro dígitos, en formato de 24 horas. Por ejemplo, para la 1:15 de la tarde, marque 1, 3, 1, 5.
help-time = Marque la hora con cuatro dígitos, en formato de 24 horas. Los dos primeros dígitos son la hora y los dos últimos son los minutos. Por ejemplo, para las 9:30 de la mañana, marque 0, 9, 3, 0. Para la 1:15 de la tarde, marque 1, 3, 1, 5.
time-invalid = Lo sentimos, esa hora no es válida. Marque cuatro dígitos, en formato de 24 horas. Por ejemplo, para las 9:30 de la mañana, marque 0, 9, 3, 0.

## 7. Message for the teacher

ask-message = Para grabar un mensaje para el maestro de su hijo o hija, marque 1. Si no, marque 2.
record-message = Después del tono, diga su mensaje. Tiene hasta 60 segundos. Cuando termine, presione la tecla numeral.

## 8. Read-back

summary-student = Vamos a revisar su aviso. Número de estudiante { $student-digits }.
summary-kind = { $kind ->
        [absence] Su hijo o hija va a faltar.
        [late] Su hijo o hija va a llegar tarde.
        [early] Su hijo o hija va a salir temprano.
       *[other] Este es un aviso sobre su hijo o hija.
    }
# Read as "el miércoles 25 de noviembre"; the 1st of the month as "primero".
summary-day = El día de la ausencia es el { $day-weekday ->
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
        [early] La hora en que usted pasará por su hijo o hija es
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
summary-reason = El motivo es { $reason ->
        [illness] enfermedad.
        [injury] una lesión.
        [medical] una cita médica.
        [family] asuntos familiares.
        [bereavement] el fallecimiento de un familiar.
        [infectious] una enfermedad contagiosa que obliga a quedarse en casa.
       *[other] otro motivo.
    }
summary-symptom = Su hijo o hija tiene { $symptom-list }.
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
summary-temperature = La temperatura es de { $temperature } grados centígrados.
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
summary-recording = Usted grabó un mensaje para el maestro.
summary-confirm = Si todo es correcto, marque 1 para guardar su aviso. Para empezar de nuevo desde el tipo de aviso, marque 2.
restart = Vamos a empezar de nuevo desde el tipo de aviso.

## 9. Saving and goodbye

saved = Su aviso quedó registrado. Su número de referencia es { $reference-digits }. Le repito, su número de referencia es { $reference-digits }.
ask-another = Para dar aviso de otro hijo o hija, marque 1. Si no, ya puede colgar.
goodbye = Gracias por avisarnos. Le deseamos lo mejor a su hijo o hija. Hasta luego.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Le pedimos una disculpa. El servicio se actualizó, así que vamos a empezar de nuevo desde el número de estudiante.

## 6b. Several days

ask-day-count = ¿Cuántos días de clases, a partir de hoy, va a faltar su hijo o hija? Marque un número del 1 al 9.
help-day-count = Marque el número de días de clases de la ausencia, contando el día de hoy, del 1 al 9. No se cuentan los sábados, domingos ni días festivos. Por ejemplo, para tres días a partir de hoy, marque 3.
day-count-invalid = Marque un número del 1 al 9.
# "Número de días de clases, 3": $days is text, so a variant for 1 día could never be chosen.
summary-days = La ausencia empieza el { $day-day ->
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
    }. Número de días de clases, { $days }.

## 6c. A report that was already made

already-reported = Ya tenemos un aviso de su hijo o hija para el { $existing-day-day ->
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
        [early] un aviso de salida temprano
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
already-reported-several = Ya tenemos { $existing-count } avisos de su hijo o hija para los días de este aviso, con los números de referencia { $existing-references-digits }.
confirm-cancel-several = Vamos a cancelar todos esos avisos. Para cancelarlos, marque 1. Para no cancelarlos, marque 2.
cancelled-several = Los avisos quedaron cancelados. Los números de referencia son { $existing-references-digits }.
