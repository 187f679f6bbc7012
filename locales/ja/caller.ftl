### 番号で分かった保護者への案内(名簿の保護者電話から)。
### 電話番号は偽装できるので、お子さまの下の名前と学年・組だけを言います。姓、氏名、生徒番号は言いません。
###   $child-name  名簿のふりがなの下の名前(日本語ではかな、ほかの言語ではローマ字)。読みがないときは "unnamed"
###   $known       1(一人のお子さま)か all(全員)。$known-count はお子さまの人数
###   $key         そのお子さまを選ぶキー
###   $grade $class 学年と組

# 覚えている言語であいさつしたあとに一度だけ。
change-language = 言語の変更は、いつでも米印です。

## お子さまの種類の前と後

known-child = { $known ->
        [all] お子さま{ $known-count }人全員のご連絡ですね。
       *[other] { $child-name ->
            [unnamed] { $grade }年{ $class }組のお子さまのご連絡ですね。
           *[other] { $grade }年{ $class }組、{ $child-name }さんのご連絡ですね。
        }
    }
ask-kind-other-child = ほかのお子さまの場合は0を押してください。

## きょうだい: お子さまを選ぶ

pick-child = どのお子さまのご連絡ですか。
# お子さま一人ずつ、そのキーと一緒に言います。
pick-child-option = { $child-name ->
        [unnamed] { $grade }年{ $class }組のお子さまは{ $key }。
       *[other] { $child-name }さんは{ $key }。
    }
pick-child-all = 全員の場合は9。
pick-child-other = ほかのお子さまは0を押してください。

## 最後の確認と受付

summary-child = ご連絡の内容を確認します。{ $child-name ->
        [unnamed] { $grade }年{ $class }組のお子さま。
       *[other] { $grade }年{ $class }組、{ $child-name }さん。
    }
summary-family = ご連絡の内容を確認します。お子さま{ $known-count }人全員のご連絡です。
# 全員のご連絡で、お子さま一人ずつ。
summary-family-child = { $child-name ->
        [unnamed] { $grade }年{ $class }組のお子さま。
       *[other] { $child-name }さん。
    }
saved-family = お子さまお一人ずつ、ご連絡を受け付けました。受付番号は、{ $reference-digits }です。繰り返します。受付番号は、{ $reference-digits }です。
