// Package pdf prints the ledgers and forms a secondary organization signs
// and archives: A4, Chinese, the Song face embedded (subset), every page
// with the organization, the title, the year, 第 N 页 共 M 页 and the print
// date; tables repeat their header on each page, wrap long cells without
// splitting a row across pages, and never start a line with closing
// punctuation (避头尾).
package pdf
