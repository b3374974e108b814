// Package field parses and validates single values typed by people or read
// from Excel sheets: 公民身份号码, dates, months, yes/no answers, 学时, money
// amounts and drop-down choices.
//
// Every Parse function first applies Normalize, so full-width digits and
// letters and stray spaces (including U+3000 and NBSP) are accepted. An input
// that is empty after normalization gives ErrEmpty, so callers can treat
// optional cells as absent. Other errors are short Chinese sentences meant to
// be shown to the person who filled the sheet.
//
// Dates and months are civil dates returned at midnight UTC. Errors about a
// 公民身份号码 never contain the number or any part of it: it is personal
// information.
package field
