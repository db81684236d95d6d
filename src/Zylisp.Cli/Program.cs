// Entry point placeholder; the command tree lands with the CLI issue.
return 0;
