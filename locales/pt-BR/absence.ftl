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

## Common

no-input = Desculpe, nenhuma tecla foi digitada.
no-match = Desculpe, essa tecla não é uma das opções.
give-up = Sentimos muito, mas não foi possível registrar o seu aviso. Por favor, ligue diretamente para a escola. Até logo.
# Spoken when the system fails internally; the call then ends.
error-apology = Pedimos muitas desculpas. Ocorreu um problema no sistema, e não foi possível registrar o seu aviso. Por favor, entre em contato diretamente com a escola. Até logo.
error-busy = Pedimos desculpas. A linha está muito ocupada no momento. Por favor, ligue novamente em alguns minutos. Até logo.

## 1. Greeting and language menu

welcome = Obrigado por ligar para { $school }. Esta é a linha de aviso de faltas.
# Each locale names its own language, in that language, with its own key.
language-option = Para português, tecle 7.

## 2. Student number

ask-student = Digite o número de matrícula do seu filho ou filha, seguido da tecla jogo da velha.
help-student = Usando o teclado do telefone, digite o número de matrícula do seu filho ou filha. É um número de 4 a 8 dígitos, informado pela escola. Depois do último dígito, aperte a tecla jogo da velha, também chamada de cerquilha.
student-not-found = Desculpe, esse número de matrícula não foi encontrado. Por favor, digite o número novamente.
# Spoken after the student number could not be found three times.
voice-message = Sentimos muito, mas não conseguimos encontrar o número de matrícula. Após o sinal, diga o nome do seu filho ou filha, o ano e a turma, e os detalhes do aviso. Ao terminar, aperte a tecla jogo da velha.

## 3. Roster check

confirm-student = Seu filho ou filha é do ano { $grade }, turma { $class }, número de chamada { $number }. Se estiver correto, tecle 1. Para digitar o número novamente, tecle 2.

## 4. Type of report

ask-kind = Em caso de falta, tecle 1. Em caso de atraso, tecle 2. Em caso de saída antecipada, tecle 3.
help-kind = Escolha o tipo de aviso. Se o seu filho ou filha vai faltar à aula, tecle 1. Se vai chegar com atraso hoje, tecle 2. Se precisa sair da escola mais cedo hoje, tecle 3.

## 5. Reason, symptom, temperature, disease

ask-reason = Escolha o motivo. Para doença, tecle 1. Para lesão ou machucado, tecle 2. Para consulta médica, tecle 3. Para motivos familiares, tecle 4. Para luto, tecle 5. Para doença contagiosa que exige afastamento da escola, tecle 6. Para outro motivo, tecle 9.
help-reason = Escolha o motivo da falta, do atraso ou da saída antecipada. Se o seu filho ou filha não está se sentindo bem, tecle 1. Em caso de lesão ou machucado, tecle 2. Se tem consulta marcada em hospital ou clínica, tecle 3. Por motivos familiares, tecle 4. Em caso de falecimento na família, tecle 5. Se um médico diagnosticou uma doença contagiosa, como a influenza, que exige afastamento da escola, tecle 6. Para qualquer outro motivo, tecle 9.

ask-symptom = Escolha os sintomas. Tecle todos os números que se aplicam. Para febre, tecle 1. Para tosse, dor de garganta ou nariz escorrendo, tecle 2. Para diarreia ou dor de barriga, tecle 3. Para enjoo ou vômito, tecle 4. Para dor de cabeça, tecle 5. Para manchas ou irritação na pele, tecle 6. Para outro sintoma, tecle 9. No final, aperte a tecla jogo da velha.
help-symptom = Tecle, um depois do outro, os números de todos os sintomas do seu filho ou filha. Se está com febre, tecle 1. Se está com tosse, dor de garganta ou nariz escorrendo, tecle 2. Se está com diarreia ou dor de barriga, tecle 3. Se está com enjoo ou vômito, tecle 4. Se está com dor de cabeça, tecle 5. Se está com manchas ou irritação na pele, tecle 6. Para qualquer outro sintoma, tecle 9. Por exemplo, para febre e tosse, tecle 1 e depois 2. No final, aperte a tecla jogo da velha.

ask-temperature = Digite a temperatura do seu filho ou filha com três dígitos. Por exemplo, para 38,5 graus, tecle 3, 8, 5. Se você não mediu a temperatura, aperte a tecla jogo da velha.
help-temperature = Digite a temperatura em graus Celsius com três dígitos, sem a vírgula. Por exemplo, para 37,8 graus, tecle 3, 7, 8. Para 38 graus exatos, tecle 3, 8, 0. Se você não mediu a temperatura, ou não sabe, aperte somente a tecla jogo da velha.
temperature-invalid = Desculpe, não foi possível aceitar essa temperatura. Digite uma temperatura entre 35 e 42 graus, com três dígitos. Por exemplo, para 38,5 graus, tecle 3, 8, 5.

ask-disease = Escolha a doença. Para influenza, tecle 1. Para covid-19, tecle 2. Para gastroenterite infecciosa, tecle 3. Para infecção de garganta por estreptococo, tecle 4. Para catapora, tecle 5. Para caxumba, tecle 6. Para febre faringoconjuntival, tecle 7. Para doença mão-pé-boca, tecle 8. Para outra doença contagiosa, tecle 9.
help-disease = Escolha a doença diagnosticada pelo médico. Para influenza, tecle 1. Para covid-19, tecle 2. Para gastroenterite infecciosa, como a causada por norovírus, tecle 3. Para infecção de garganta por estreptococo, tecle 4. Para catapora, tecle 5. Para caxumba, tecle 6. Para febre faringoconjuntival, causada por adenovírus, tecle 7. Para doença mão-pé-boca, tecle 8. Para qualquer outra doença contagiosa, tecle 9.

## 6. Day and time

ask-day = Escolha o dia da falta. Para hoje, tecle 1. Para o próximo dia de aula, tecle 2. Para vários dias a partir de hoje, tecle 3.
ask-arrival-time = Digite o horário em que seu filho ou filha vai chegar à escola, com quatro dígitos, no formato de 24 horas. Por exemplo, para 9 e 30 da manhã, tecle 0, 9, 3, 0.
ask-pickup-time = Digite o horário em que você vai buscar seu filho ou filha, com quatro dígitos, no formato de 24 horas. Por exemplo, para 13 e 15, tecle 1, 3, 1, 5.
help-time = Digite o horário com quatro dígitos, no formato de 24 horas. Os dois primeiros dígitos são a hora, e os dois últimos são os minutos. Por exemplo, para 9 e 30 da manhã, tecle 0, 9, 3, 0. Para uma e quinze da tarde, ou seja, 13 e 15, tecle 1, 3, 1, 5.
time-invalid = Desculpe, esse horário não é válido. Digite quatro dígitos, no formato de 24 horas. Por exemplo, para 9 e 30 da manhã, tecle 0, 9, 3, 0.

## 7. Message for the teacher

ask-message = Para gravar um recado para o professor do seu filho ou filha, tecle 1. Caso contrário, tecle 2.
record-message = Após o sinal, fale o seu recado. Você tem até 60 segundos. Ao terminar, aperte a tecla jogo da velha.

## 8. Read-back

summary-student = Vamos conferir o seu aviso. Número de matrícula { $student-digits }.
summary-kind = { $kind ->
        [absence] Seu filho ou filha vai faltar.
        [late] Seu filho ou filha vai chegar com atraso.
        [early] Seu filho ou filha vai sair mais cedo.
       *[other] Este é um aviso sobre o seu filho ou filha.
    }
# Read as "quarta-feira, 25 de novembro"; the 1st of the month as "primeiro".
summary-day = O dia da falta é { $day-weekday ->
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
summary-reason = O motivo é { $reason ->
        [illness] doença.
        [injury] lesão ou machucado.
        [medical] consulta médica.
        [family] motivos familiares.
        [bereavement] luto, por falecimento na família.
        [infectious] doença contagiosa que exige afastamento da escola.
       *[other] outro motivo.
    }
summary-symptom = Seu filho ou filha está com { $symptom-list }.
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
summary-temperature = A temperatura é de { $temperature } graus Celsius.
summary-disease = A doença é { $disease ->
        [influenza] influenza.
        [covid-19] covid-19.
        [gastroenteritis] gastroenterite infecciosa.
        [strep] infecção de garganta por estreptococo.
        [chickenpox] catapora.
        [mumps] caxumba.
        [pharyngoconjunctival-fever] febre faringoconjuntival.
        [hand-foot-mouth] doença mão-pé-boca.
       *[other] outra doença contagiosa.
    }
summary-recording = Você gravou um recado para o professor.
summary-confirm = Se estiver tudo certo, tecle 1 para registrar o aviso. Para recomeçar a partir do tipo de aviso, tecle 2.
restart = Vamos recomeçar a partir do tipo de aviso.

## 9. Saving and goodbye

saved = Seu aviso foi registrado. O número de protocolo é { $reference-digits }. Repetindo, o número de protocolo é { $reference-digits }.
ask-another = Para fazer o aviso de outro filho ou filha, tecle 1. Caso contrário, você já pode desligar.
goodbye = Obrigado pelo aviso. Desejamos tudo de bom ao seu filho ou filha. Até logo.

# A reload removed the step the call was at; it starts again at the student number.
resumed = Pedimos desculpas. O serviço foi atualizado, então vamos recomeçar a partir do número de matrícula.

## 6b. Several days

ask-day-count = Por quantos dias de aula, a partir de hoje, seu filho ou filha vai faltar? Tecle um número de 1 a 9.
help-day-count = Tecle o número de dias de aula da falta, contando hoje, de 1 a 9. Sábados, domingos e feriados não contam. Por exemplo, para três dias a partir de hoje, tecle 3.
day-count-invalid = Tecle um número de 1 a 9.
# "Número de dias de aula, 3": $days is text, so a variant for 1 dia could never be chosen.
summary-days = A falta começa no dia { $day-day ->
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
    }. Número de dias de aula, { $days }.

## 6c. A report that was already made

already-reported = Já existe um aviso do seu filho ou filha para o dia { $existing-day-day ->
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
already-reported-several = Já existem { $existing-count } avisos do seu filho ou filha para os dias deste aviso, com os números de protocolo { $existing-references-digits }.
confirm-cancel-several = Todos esses avisos serão cancelados. Para confirmar o cancelamento, tecle 1. Para não cancelar, tecle 2.
cancelled-several = Os avisos foram cancelados. Os números de protocolo são { $existing-references-digits }.
