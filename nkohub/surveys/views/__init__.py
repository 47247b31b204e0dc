"""Pages of the surveys: the list and a survey's page, answering, results (with the cross-tabulation,
free texts and XLSX), the operator's builder and the problem zones' matrix."""
