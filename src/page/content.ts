// Content script entry: finds the article, scans it and highlights it (issue 3).
export {};
