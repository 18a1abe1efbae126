# Chinese for the command line's --help. Its English is the clap
# definition's doc comments (src/cli/); a test checks that every command
# and argument with help text has its message here, and nothing else.
