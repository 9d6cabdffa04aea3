-- Cost amounts were stored in hundredths whatever the currency; they are now stored in the
-- currency's ISO 4217 minor units (docs/decisions/016-currencies.md): none for JPY, three for
-- BHD. Rows entered before in a currency whose minor units are not two are rescaled once here.
-- A fraction of a currency without minor units (12500.50 JPY) is rounded to the nearest unit,
-- and never to nothing; the audit log keeps the amount as it was typed. Codes outside ISO 4217
-- (entered before codes were checked) stay in hundredths, as lib/costs/currencies.ts reads them.
-- One statement: tests/integration/costs-services.test.ts runs it on rows of its own.
UPDATE "CostItem" SET "amountMinor" = CASE
  WHEN "currency" IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF')
    THEN GREATEST(1, ROUND("amountMinor" / 100.0))::BIGINT
  WHEN "currency" IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
    THEN "amountMinor" * 10
  ELSE "amountMinor" * 100
END
WHERE "currency" IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
                     'BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND',
                     'CLF', 'UYW');
