### Voice prompts for the absence line, in Brazilian Portuguese.
### Same message ids and variables as the Japanese reference (locales/ja/absence.ftl).
### $symptom is every symptom given, comma-separated ("fever,respiratory"); the
### read-back says $symptom-list: each one named by symptom-name (where $symptom
### is one of fever, headache, respiratory, diarrhoea, vomiting, rash, other),
### joined by list-and ($first, $last: the last two) and list-comma ($first, $rest).
### $disease: influenza, covid-19, gastroenteritis, strep, chickenpox, mumps,
### pharyngoconjunctival-fever, hand-foot-mouth, other.
###
### Read aloud by text-to-speech (voice pt-BR): short sentences, no symbols.
### Write keys as digits ("tecle 1"), and the # key as "a tecla jogo da velha".
### Polite but not stiff: "você" or impersonal forms, never "o senhor" or "a senhora".
### Decimals with a comma in the text ("38,5 graus"); times read as "9 e 30", "9 horas".
### The child is "o aluno" or left unsaid, never "seu filho ou filha" in every
### prompt; the year is "do 1º ano"; influenza is "gripe", as parents say it.
### Options as "Doença, 1."; an error says what was wrong, the prompt after it
### gives the example.

## Common

no-input = Desculpe, nenhuma tecla foi digitada.
no-match = Desculpe, essa opção não existe.
give-up = Sentimos muito, mas não foi possível registrar o aviso. Por favor, ligue diretamente para a escola. Até logo.
# Spoken when the system fails internally; the call then ends.
error-apology = Pedimos desculpas. Houve um problema no sistema e não foi possível registrar o aviso. Por favor, entre em contato diretamente com a escola. Até logo.
error-busy = Pedimos desculpas. A linha está muito ocupada agora. Por favor, ligue de novo em alguns minutos. Até logo.

## 1. Greeting and language menu

welcome = Linha de aviso de faltas de { $school }.
# Each locale names its own language, in that language, with its own key.
language-option = Português, 7.

## 2. Student number

ask-student = Digite o número de matrícula do aluno e depois a tecla jogo da velha.
help-student = No teclado do telefone, digite o número de matrícula informado pela escola, de 4 a 8 dígitos, e depois a tecla jogo da velha.
ask-student-fixed = Digite a matrícula de { $student-length } dígitos.
help-student-fixed = No teclado do telefone, digite a matrícula de { $student-length } dígitos informada pela escola.
student-wrong-length = A matrícula tem de 4 a 8 dígitos.
student-wrong-length-fixed = A matrícula tem { $student-length } dígitos.
student-not-found = Desculpe, não encontramos a matrícula { $keyed-digits }.
# Spoken after the student number could not be found three times.
voice-message = Após o sinal, diga o nome do aluno, o ano, a turma e o seu recado. Depois, aperte a tecla jogo da velha.
voice-message-not-found = Desculpe, não encontramos essa matrícula.
# After repeated failures at a later step, once the child is known.
voice-message-child = Desculpe, não foi possível concluir o aviso. Após o sinal, diga o seu recado para a escola e depois aperte a tecla jogo da velha.

## 3. Roster check


## 4. Type of report

ask-kind = { $today-moved ->
        [yes] Falta por doença { $today-weekday ->
            [mon] na segunda-feira,
            [tue] na terça-feira,
            [wed] na quarta-feira,
            [thu] na quinta-feira,
            [fri] na sexta-feira,
            [sat] no sábado,
            [sun] no domingo,
           *[other] {""}
        } { $today-day ->
            [1] primeiro
           *[other] { $today-day }
        } { $today-month ->
            [1] de janeiro
            [2] de fevereiro
            [3] de março
            [4] de abril
            [5] de maio
            [6] de junho
            [7] de julho
            [8] de agosto
            [9] de setembro
            [10] de outubro
            [11] de novembro
            [12] de dezembro
           *[other] do mês { $today-month }
        }, tecle 1.
       *[other] Falta hoje por doença, tecle 1.
    } Outro motivo ou outro dia, 2. Atraso, 3. Saída antecipada, 4.
help-kind = Se o aluno está doente e vai faltar hoje, tecle 1. Se vai faltar por outro motivo, ou em outro dia, tecle 2. Se vai chegar atrasado, tecle 3. Se precisa sair mais cedo, tecle 4.

## 5. Reason, symptom, temperature, disease

ask-reason = Doença, tecle 1. Machucado, 2. Consulta médica, 3. Motivo familiar, 4. Falecimento na família, 5. Doença contagiosa com afastamento da escola, 6. Outro motivo, 9.
help-reason = Escolha o motivo da falta, do atraso ou da saída antecipada. Se o aluno não está se sentindo bem, tecle 1. Se se machucou, tecle 2. Se tem consulta marcada em hospital ou clínica, tecle 3. Por motivo familiar, tecle 4. Em caso de falecimento na família, tecle 5. Se o médico diagnosticou uma doença contagiosa, como a gripe, que exige afastamento da escola, tecle 6. Para qualquer outro motivo, tecle 9.

ask-symptom = Tecle todos os sintomas. Febre, 1. Tosse, dor de garganta ou coriza, 2. Diarreia ou dor de barriga, 3. Enjoo ou vômito, 4. Dor de cabeça, 5. Manchas na pele, 6. Outro, 9.
help-symptom = Tecle, um depois do outro, os números de todos os sintomas do aluno. Se está com febre, tecle 1. Se está com tosse, dor de garganta ou coriza, tecle 2. Se está com diarreia ou dor de barriga, tecle 3. Se está com enjoo ou vômito, tecle 4. Se está com dor de cabeça, tecle 5. Se está com manchas ou irritação na pele, tecle 6. Para qualquer outro sintoma, tecle 9. Por exemplo, para febre e tosse, tecle 1 e depois 2. No final, é só aguardar.

ask-temperature = Digite a temperatura com 3 dígitos, como 3, 8, 5 para 38,5, ou a tecla jogo da velha se não mediu.
help-temperature = Digite a temperatura em graus Celsius com 3 dígitos, sem a vírgula. Por exemplo, para 37,8 graus, tecle 3, 7, 8. Para 38 graus exatos, tecle 3, 8, 0. Se você não mediu a temperatura ou não sabe, aperte só a tecla jogo da velha.
temperature-invalid = Desculpe, a temperatura precisa estar entre 35 e 42 graus.

ask-disease = Gripe, tecle 1. Covid, 2. Gastroenterite, 3. Infecção de garganta por estreptococo, 4. Catapora, 5. Caxumba, 6. Febre faringoconjuntival, 7. Doença mão, pé e boca, 8. Outra doença contagiosa, 9.
help-disease = Escolha a doença diagnosticada pelo médico. Para gripe, ou influenza, tecle 1. Para covid, tecle 2. Para gastroenterite, como a causada por norovírus, tecle 3. Para infecção de garganta por estreptococo, tecle 4. Para catapora, tecle 5. Para caxumba, tecle 6. Para febre faringoconjuntival, causada por adenovírus, tecle 7. Para doença mão, pé e boca, tecle 8. Para qualquer outra doença contagiosa, tecle 9.

## 6. Day and time

ask-day = Hoje, tecle 1. Próximo dia de aula, 2. Vários dias a partir de hoje, 3.
# The day menu when "today" is not the calendar day: the dates are named.
ask-day-dates = { $today-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $today-day ->
        [1] primeiro
       *[other] { $today-day }
    } { $today-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $today-month }
    }, tecle 1. { $next-day-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $next-day-day ->
        [1] primeiro
       *[other] { $next-day-day }
    } { $next-day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $next-day-month }
    }, 2. Vários dias a partir de { $today-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $today-day ->
        [1] primeiro
       *[other] { $today-day }
    } { $today-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $today-month }
    }, 3.
ask-arrival-time = Digite o horário de chegada no formato de 24 horas, por exemplo 9, 3, 0 para 9 e 30, e depois a tecla jogo da velha.
ask-pickup-time = Digite o horário em que vai buscar o aluno, no formato de 24 horas, por exemplo 1, 3, 1, 5 para 13 e 15, e depois a tecla jogo da velha.
# Said before the arrival or pick-up time when that day is not the calendar day.
for-day = Este aviso é para { $day-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $day-day ->
        [1] primeiro
       *[other] { $day-day }
    } { $day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $day-month }
    }.
help-time = Digite a hora e depois os minutos, no formato de 24 horas, e no final a tecla jogo da velha. Por exemplo, para 9 e 30 da manhã, tecle 9, 3, 0. Para 13 e 15, tecle 1, 3, 1, 5.
time-invalid = Desculpe, esse horário não é válido.

## 7. Message for the teacher

record-message = Após o sinal, fale o seu recado para o professor, em até 60 segundos, e depois aperte a tecla jogo da velha. O aviso é registrado em seguida.

## 8. Read-back

summary-student = Matrícula { $student-digits }, { $grade }º ano, turma { $class }, número { $number }.
# The read-back at a school without a roster.
summary-student-number = Matrícula { $student-digits }.
summary-kind = { $kind ->
        [absence] Falta
        [late] Atraso
        [early] Saída antecipada
       *[other] Aviso
    } { $day-weekday ->
        [mon] na segunda-feira,
        [tue] na terça-feira,
        [wed] na quarta-feira,
        [thu] na quinta-feira,
        [fri] na sexta-feira,
        [sat] no sábado,
        [sun] no domingo,
       *[other] {""}
    } { $day-day ->
        [1] primeiro
       *[other] { $day-day }
    } { $day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $day-month }
    }.
# Read as "às 9 e 30", "às 9 horas", "à uma e 15", "às duas horas".
# The minute keys follow the English file.
summary-time = { $kind ->
        [late] O horário de chegada é
        [early] O horário da saída antecipada é
       *[other] O horário é
    } { $time-hour ->
        [1] à uma
        [2] às duas
       *[other] às { $time-hour }
    } { $time-minute ->
        [0] { $time-hour ->
            [1] hora.
           *[other] horas.
        }
        [1] e 1.
        [2] e 2.
        [3] e 3.
        [4] e 4.
        [5] e 5.
        [6] e 6.
        [7] e 7.
        [8] e 8.
        [9] e 9.
       *[other] e { $time-minute }.
    }
summary-reason = { $reason ->
        [illness] Doença.
        [injury] Lesão ou machucado.
        [medical] Consulta médica.
        [family] Motivos familiares.
        [bereavement] Luto na família.
        [infectious] Doença contagiosa, com afastamento da escola.
       *[other] Outro motivo.
    }
summary-symptom = Está com { $symptom-list }.
# One symptom, as the read-back names it; $symptom-list joins them with list-and and list-comma.
symptom-name = { $symptom ->
        [fever] febre
        [headache] dor de cabeça
        [respiratory] tosse ou resfriado
        [diarrhoea] diarreia ou dor de barriga
        [vomiting] enjoo ou vômito
        [rash] manchas ou irritação na pele
       *[other] outro sintoma
    }
list-and = { $first } e { $last }
list-comma = { $first }, { $rest }
summary-temperature = { $temperature } graus.
summary-disease = A doença é { $disease ->
        [influenza] gripe.
        [covid-19] covid-19.
        [gastroenteritis] gastroenterite infecciosa.
        [strep] infecção de garganta por estreptococo.
        [chickenpox] catapora.
        [mumps] caxumba.
        [pharyngoconjunctival-fever] febre faringoconjuntival.
        [hand-foot-mouth] doença mão-pé-boca.
       *[other] outra doença contagiosa.
    }
summary-confirm = Registrar, tecle 1. Recomeçar, 2. Registrar com recado para o professor, 3.
restart = Vamos recomeçar a partir do número de matrícula.

## 9. Saving and goodbye

saved = Aviso registrado. O número de protocolo é { $reference-digits }.
ask-another = Para outro aluno, tecle 1.
goodbye = Obrigado pelo aviso. Até logo.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Pedimos desculpas. O serviço foi atualizado, então vamos recomeçar a partir do número de matrícula.

## 6b. Several days

ask-day-count = Quantos dias de aula? Tecle um número de 1 a 9.
help-day-count = Tecle o número de dias de aula da falta, contando hoje, de 1 a 9. Sábados, domingos e feriados não contam. Por exemplo, para 3 dias a partir de hoje, tecle 3.
day-count-invalid = Tecle um número de 1 a 9.
# "Número de dias de aula, 3": $days is text, so a variant for 1 dia could never be chosen.
summary-days = Falta de { $day-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $day-day ->
        [1] primeiro
       *[other] { $day-day }
    } { $day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $day-month }
    }, a { $last-day-weekday ->
        [mon] segunda-feira,
        [tue] terça-feira,
        [wed] quarta-feira,
        [thu] quinta-feira,
        [fri] sexta-feira,
        [sat] sábado,
        [sun] domingo,
       *[other] {""}
    } { $last-day-day ->
        [1] primeiro
       *[other] { $last-day-day }
    } { $last-day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $last-day-month }
    }, { $days } dias de aula.

## 6c. A report that was already made

already-reported = Já existe um aviso deste aluno para o dia { $existing-day-day ->
        [1] primeiro
       *[other] { $existing-day-day }
    } { $existing-day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $existing-day-month }
    }. É { $existing-kind ->
        [absence] um aviso de falta
        [late] um aviso de atraso
        [early] um aviso de saída antecipada
       *[other] um recado de voz
    }, com o número de protocolo { $existing-reference-digits }.
ask-correction = Para substituir o aviso anterior por este, tecle 1. Para cancelar o aviso anterior, tecle 2. Para manter o aviso anterior como está, tecle 3.
confirm-cancel = O aviso do dia { $existing-day-day ->
        [1] primeiro
       *[other] { $existing-day-day }
    } { $existing-day-month ->
        [1] de janeiro
        [2] de fevereiro
        [3] de março
        [4] de abril
        [5] de maio
        [6] de junho
        [7] de julho
        [8] de agosto
        [9] de setembro
        [10] de outubro
        [11] de novembro
        [12] de dezembro
       *[other] do mês { $existing-day-month }
    } será cancelado. Para confirmar o cancelamento, tecle 1. Para não cancelar, tecle 2.
cancelled = O aviso foi cancelado. O número de protocolo é { $reference-digits }.
kept = O aviso anterior foi mantido como estava.
summary-replaces = Este aviso vai substituir o anterior.
already-reported-several = Já existem { $existing-count } avisos deste aluno para os dias deste aviso, com os números de protocolo { $existing-references-digits }.
confirm-cancel-several = Todos esses avisos serão cancelados. Para confirmar o cancelamento, tecle 1. Para não cancelar, tecle 2.
cancelled-several = Os avisos foram cancelados. Os números de protocolo são { $existing-references-digits }.
