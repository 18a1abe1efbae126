# Keyturn's messages in English (en-US), the language the code is written
# in and the fallback of every other. zh-CN/keyturn.ftl has the same ids
# with the same variables (a test checks).
#
# Machine-read text never comes from here: --json output, exit codes, wire
# names, the journal, the index file, and the emulator's "listening on" and
# "key id:" lines stay as they are in every language.

## Lists and shared words

# Between items of a list: "a, b".
list-separator = {", "}
# The last two items of a list: "a, b and c", "a, b or c".
list-and = { $rest } and { $last }
list-or = { $rest } or { $last }

provider-alibaba = Alibaba Cloud
provider-huawei = Huawei Cloud
provider-ucloud = UCloud
provider-tencent = Tencent Cloud

## Errors of the command line (before each line: error-line)

error-line = error: { $message }
warning-line = warning: { $message }
note-line = note: { $message }
error-stdout = could not write to standard output: { $error }
error-stdin = could not read standard input: { $error }
error-prompt-nothing-typed = nothing was typed (the prompt was ended with Ctrl+D)
error-unknown-operation = no operation { $id }; `keyturn ops` lists them
error-lang-unknown = KEYTURN_LANG { $value } is not a language Keyturn has (en, zh-CN); it was ignored
error-stdin-too-long = the line on standard input is too long (more than { $kib } KiB)
error-stdin-not-utf8 = standard input is not UTF-8 text
error-env-not-set = { $what }: environment variable { $var } is not set
error-env-not-utf8 = { $what }: environment variable { $var } is not valid UTF-8
what-access-key-secret = the access key secret

## Stored credentials: what is wrong (the core's words; each front end adds its way forward)

vault-no-profile = no profile named { $name }
vault-profile-exists = a profile named { $name } already exists
vault-team-profile-exists = the team store already has a profile named { $name }, written by { $by } at { $at } (version { $version }); nothing was replaced
vault-profile-changed = profile { $name } was changed in the team store by someone else since it was read; nothing was written
vault-profile-unreadable = the team store's entry of profile { $name } holds fields this Keyturn cannot read (written by a newer Keyturn, or by hand); it was left untouched
vault-bad-name = profile names may use letters, digits, '.', '_' and '-' (1 to 64 characters), not { $name }
vault-name-differs-in-case = a profile named { $existing } already exists, and { $name } differs from it only in case; the keyrings of macOS and Windows would take them for one, so choose another name
vault-no-resource = no stored password for { $key }
vault-secret-missing = the keyring has no secret for { $what }: it may have been deleted outside Keyturn
vault-no-secret-service =
    no Secret Service is running, so the keyring cannot be used ({ $detail }).
    On a desktop, log in to a session with GNOME Keyring or KDE Wallet. Over SSH or in a bare session, start one, e.g.:
      dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'
    Keyturn never falls back to storing secrets in a file.
vault-keyring-locked =
    the keyring is locked, or access to it was refused ({ $detail }).
    Unlock it when your desktop asks (or in Passwords and Keys / Keychain Access), then try again.
vault-not-text = the keyring's entry for { $what } does not hold text; Keyturn leaves it as it is
vault-not-keyturns = the keyring's entry for { $what } holds something Keyturn did not write; Keyturn leaves it as it is
vault-no-store-set-up = no credential store was set up in this process
profile-empty-secret = the access key secret is empty; nothing was stored
profile-bad-key-id = the access key id is empty or has control characters
profile-nothing-changed = nothing changed
vault-keyring = the keyring failed: { $detail }
entry-profile-secret = profile { $name }
entry-own = this computer's keyring entry { $user }
entry-passwords = the passwords of { $key }
entry-legacy-slot = the { $slot } password of { $key } (old layout)
entry-slot-current = current
entry-slot-previous = previous
entry-slot-pending = pending
vault-duplicate = the keyring holds { $count } entries for { $what } where Keyturn keeps one (another program, or an earlier failure, may have added one); Keyturn reads neither
vault-index-corrupt =
    the index file { $path } cannot be read: { $detail }.
    It was left untouched. Fix it by hand, or move it aside to start a new one (secrets stay in the keyring).
vault-index-not-text =
    the index file { $path } cannot be read: it is not UTF-8 text.
    It was left untouched. Fix it by hand, or move it aside to start a new one (secrets stay in the keyring).
vault-index-too-new = the index file { $path } was written by a newer Keyturn (format { $found }; this one reads up to { $supported }); it was left untouched
vault-index-refused = the index file { $path } cannot be used: { $detail }. It was left untouched.
vault-io-create = cannot create the folder { $path }: { $error }
vault-io-encode = cannot encode { $path }: { $error }
vault-io-lock = cannot lock { $path }: { $error }
vault-io-open = cannot open { $path }: { $error }
vault-io-read = cannot read { $path }: { $error }
vault-io-write = cannot write { $path }: { $error }
vault-no-home = cannot find the config folder: set KEYTURN_CONFIG_DIR and KEYTURN_DATA_DIR

## The command line's way forward after a stored-credentials error

remedy-no-profile = ; `keyturn profile list` shows them
remedy-profile-exists = ; use `keyturn profile edit` to change it
remedy-team-profile-exists = ; `keyturn profile show NAME` shows it, and `keyturn profile add NAME --replace` replaces exactly what it shows
remedy-profile-changed = ; `keyturn profile show NAME` shows it as it is now: look at it, then try again
remedy-no-resource = ; `keyturn password list` shows them
remedy-unknown-region = ; if the region exists, give its endpoint with --endpoint https://…
remedy-secret-missing =
    {"."}
    Store it again with `keyturn profile edit NAME --secret`, or remove the entry.
remedy-duplicate = . Removing it (`keyturn profile remove NAME`) removes them all; `secret-tool search --all service keyturn` shows them

input-missing = { $field } is required
input-not-a-choice = { $field } must be one of: { $allowed }
input-bad-date-time = { $field } must be a time written { $pattern }
input-control-character = { $field } holds a control character (a line break, tab or escape)
input-secret-as-plain-text = { $field } is a password: it cannot be given as plain text
input-region-as-field = give the region with --region, not as the field { $field }
input-unknown-field = { $op } has no field { $name }; its fields are: { $known }
input-empty-not-confirmed = an empty { $field } { $means }; confirm that explicitly if it is what you want
input-password-rules = the new password breaks the rules of { $op }
input-expiry-in-past = { $field } is in the past ({ $at }): it must be a time still to come
input-unsafe-path-value = { $field } may contain only letters, digits and - _ . ~
input-not-an-id = { $field } must be { $describe }

## Password rules (keyturn check, keyturn ops ID, broken rules)

class-lower = a lower-case letter
class-upper = an upper-case letter
class-digit = a digit
class-special = a special character
class-letter = a letter

rule-length-range = { $min } to { $max } characters
rule-length-min = at least { $min } { $min ->
        [one] character
       *[other] characters
    }
rule-length-some-versions = { $min } to { $max } characters (some versions accept up to { $some })
rule-classes-all = contains { $classes }
rule-classes-some = contains at least { $count } of: { $classes }
rule-alphabet = only allowed characters
rule-version-dependent = no characters that some versions refuse
rule-differs = differs from the current password
rule-not-first = does not start with { $chars }
# A broken rule and what the candidate lacks.
rule-with-shortfall = { $rule }: { $shortfall }

shortfall-add-characters = add { $count ->
        [one] 1 more character
       *[other] { $count } more characters
    }
shortfall-remove-characters = remove { $count ->
        [one] 1 character
       *[other] { $count } characters
    }
shortfall-add-classes = add { $classes }
shortfall-add-some-classes = add { $count } more of: { $classes }
shortfall-remove-refused = remove { $count ->
        [one] 1 character that is
       *[other] { $count } characters that are
    } not allowed
shortfall-version-refused = { $count ->
        [one] 1 character
       *[other] { $count } characters
    } may be refused by some API versions
shortfall-longer-than-some-versions = { $count } characters: only some API versions accept more than { $max }
shortfall-same-as-current = choose a password other than the current one
shortfall-change-first = start with another character

char-space = is a space, which is not allowed
char-not-allowed = is not allowed

strength-0 = very weak
strength-1 = weak
strength-2 = fair
strength-3 = strong
strength-4 = very strong

## keyturn check

check-prompt = Password to check:
check-character = character { $position }: { $reason }
check-more-characters = … and { $count } more
check-strength = strength: { $score }/4 ({ $label }), about 10^{ $guesses } guesses, { $time } to crack offline
check-warning = warning: { $text }
check-tip = tip: { $text }
check-truncated = (estimated from the first { $count } characters)

## keyturn ops

ops-signed-with = { $provider } { $product } { $api }, signed with { $scheme }
ops-region-heading = Region (--region):
ops-region-required = required; e.g. { $examples }
ops-region-optional = optional; e.g. { $examples }
ops-fields-heading = Fields (--param NAME=VALUE, or NAME=env:VAR):
ops-tag-required = required
ops-tag-optional = optional
ops-tag-text = text
ops-tag-choice = choice
ops-tag-secret = secret: env:VAR only
ops-tag-date-time = date-time
ops-tag-local-only = checked locally, never sent
ops-default = default: { $value }
ops-empty = empty { $means }; needs --allow-empty { $field }
ops-new-password-heading = New password ({ $field }):
policy-length-range = { $min } to { $max } characters
policy-length-some-versions = { $min } to { $max } characters (some versions accept up to { $more }: a warning)
policy-length-min = at least { $min } { $min ->
        [one] character
       *[other] characters
    }
policy-classes = at least { $count } of: { $classes }
policy-only-letters-digits = only letters and digits
policy-only-letters-digits-and = only letters, digits and { $set }
policy-printable-ascii = printable ASCII only, no spaces
policy-version-dependent = { $why } (a warning)
policy-must-differ = must differ from { $field }
policy-should-differ = should differ from { $field }
policy-generator = generator: { $min } to { $max } characters (default { $default })

## keyturn profile, keyturn import

profile-unknown-provider = unknown provider { $name }; use one of: alibaba, huawei, ucloud, tencent
profile-none = no profiles yet; add one with `keyturn profile add` or `keyturn import`
profile-secret-prompt = Access key secret:
profile-new-secret-prompt = New access key secret:
profile-secret-empty = the access key secret is empty
profile-added = added profile { $name } ({ $provider } key { $key }); its secret is in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
profile-replaced = replaced profile { $name } with { $provider } key { $key }; its secret is in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
profile-replacing = replacing profile { $name } ({ $key })
profile-replacing-team = replacing profile { $name } of the team store ({ $key }): version { $version }, written by { $by } at { $at }
profile-updated = updated profile { $name }
profile-secret-stored = stored the new secret in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
profile-removed = removed profile { $name } and its access key secret from { $store ->
        [team] the team store
       *[keyring] the keyring
    }
profile-removed-no-secret = removed profile { $name }; { $store ->
        [team] the team store
       *[keyring] the keyring
    } had no secret for it (already deleted)
profile-project-id-needs-region = --project-id ID needs --region, or give REGION=ID
profile-show-title = profile { $name }
profile-show-provider = provider: { $value }
profile-show-key-id = access key id: { $value }
profile-show-region = region: { $value }
profile-show-project-id = project id ({ $region }): { $value }
profile-show-endpoint = endpoint: { $value }
profile-show-notes = notes: { $value }
profile-show-added = added: { $value }
profile-show-written = in the team store: version { $version }, written by { $by } at { $at }
profile-show-last-used = last used: { $value }
profile-show-last-verified = last verified: { $value }
profile-show-secret = secret: in { $store ->
        [team] the team store
       *[keyring] the keyring
    } (`keyturn profile reveal { $name }`)
profile-never = never
profile-verified = profile { $name }: { $summary }
profile-project-ids-found = project ids found for { $count ->
        [one] 1 region
       *[other] { $count } regions
    }

import-cannot-read = cannot read { $file }: { $error }
import-refused = { $file }: { $error }; nothing was stored
import-refused-name-provider = { $file }: { $error } (--provider names it); nothing was stored
import-found = found a { $provider } access key { $key }
import-found-user = found a { $provider } access key { $key } of user { $user }
import-stored = stored it as profile { $name }; the secret is in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
import-delete-file = the file still holds the secret in plain text: delete it (e.g. `shred -u { $file }`)

## keyturn password

password-unknown-slot = unknown slot { $name }; use current, previous or pending
password-none = no stored passwords yet
password-slot-set = { $slot } (set { $time })
password-not-a-key = { $text } is not a resource key; `keyturn password list` shows them

## keyturn request, request --send, recover

request-wrong-provider = profile { $name } holds a { $provider } key, but { $op } is a { $op_provider } API
request-bad-at = --at { $value } is not an RFC 3339 time
request-key-or-profile = give --key-id or --profile
request-param-form = --param { $name } needs the form NAME=VALUE
request-param-twice = --param { $name } is given twice

rotate-settle-hint = . Check it, then settle it with `keyturn recover`
rotate-not-sent = not sent: { $reason }.
rotate-anyway = Send anyway with --anyway.
rotate-settle-first = Settle it first with `keyturn recover`.
rotate-wait = Wait for it to finish, then try again.
rotate-no-attempt = not sent: no open attempt { $id }; `keyturn recover` lists them
rotate-cannot-retry = not sent: { $reason }
rotate-nothing-sent = nothing was sent: { $reason }
rotate-open-attempts = { $count ->
        [one] 1 password change has
       *[other] { $count } password changes have
    } an unknown result; `keyturn recover` lists them

recover-none = no password change has an unknown result
recover-how =
    Check by connecting with the pending password (`keyturn password show RESOURCE --slot pending`), then:
      keyturn recover ID --keep     it worked: pending becomes current
      keyturn recover ID --discard  it did not: pending is dropped
      keyturn recover ID --retry    send the same change again, with the same new password
recover-open = { $id }  the password of { $what } may have changed at { $time }; { $kept }
recover-resource = resource: { $key }
recover-last-answer = last answer: { $status }
recover-last-answer-code = last answer: { $status } ({ $code })
recover-sent-no-answer = sent, but no answer was recorded (interrupted)
recover-not-sent = interrupted before it was sent
recover-may-have-been-sent = not recorded here: the request may have been sent
recover-theirs = it may still be waiting for its answer: only they may settle it until { $until }
recover-lease-ended = its lease ended at { $until }: the request may have been sent; check, then keep or discard it
recover-give-action = give --keep, --discard or --retry
journal-line-incomplete = { $path }:{ $line }: an incomplete last line (an interrupted write)
journal-line-damaged = { $path }:{ $line }: a damaged line that is not a journal record
history-skipped = skipped { $line }
history-none = no password changes yet
history-open = open ({ $status })
history-open-interrupted = open (interrupted)
history-request = request { $id }
history-store-heading = In the team store ({ $count ->
        [one] its one version
       *[other] its { $count } newest versions
    }, oldest first):
history-store-staged = { $by } staged a change (attempt { $attempt })
history-store-retrying = { $by } sent a change again (attempt { $attempt })
history-store-promoted = { $by }'s change was confirmed by the provider: the new password became current (attempt { $attempt })
history-store-kept = { $by } kept the pending password as current (attempt { $attempt })
history-store-dropped = { $by }'s change was refused or not sent: the pending password was dropped (attempt { $attempt })
history-store-discarded = { $by } discarded the pending password (attempt { $attempt })
history-store-passwords = passwords written (a copy, or an earlier Keyturn)
history-store-removed = removed
history-store-unreadable = a value Keyturn cannot read

## keyturn emulate, keyturn completions, the demo

emulate-no-runtime = could not start the async runtime: { $error }
emulate-secret-without-key-id = { $var } is set but --key-id is not: give the key id it belongs to
emulate-throwaway = No key given: using a throwaway key pair for this emulator only.
emulate-sign-with = Sign requests with it: export { $var }='{ $secret }' and pass --key-id { $key }
emulate-cannot-listen = could not listen on { $address }: { $error }
emulate-cannot-wait = could not wait for Ctrl-C: { $error }
# A man page's section headings.
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-exit-status = EXIT STATUS
man-environment = ENVIRONMENT
man-files = FILES
man-see-also = SEE ALSO
man-version = VERSION
man-extra = EXTRA
man-cannot-write-dir = cannot write man pages to { $dir }: { $error }
man-written = wrote { $count } man pages to { $dir }
man-cannot-write = cannot write the man page: { $error }
man-file-index = profiles and stored-password records: names, key ids, regions, never a secret
man-file-store = which store keeps profiles and passwords: this computer's keyring, or a team store's address, mount and prefix (never its token)
man-file-data = the data folder, for the rotation journal
man-file-locks = one lock per resource being changed, shared by every data folder of the user's session (else a private keyturn-UID folder in the temporary folder)
man-file-keyring = access key secrets (user profile:NAME), each resource's passwords with the claim of a change in progress (user resource:RESOURCE), a team store's token (user team-token:ADDRESS)
demo-started = Keyturn demo: the emulator listens on { $url }; profiles and passwords are kept in memory and in { $dir } until the window closes.

## keyturn --help

help-intro =
    Keyturn rotates the passwords of managed database and cache services.
    It checks each API's password rules, generates passwords the API
    accepts, signs the call exactly as the provider specifies, and keeps
    access keys in the OS keyring.
help-operations = The operations (`keyturn ops ID` shows one's fields and rules):
help-exit-heading = Exit status:
help-exit-0 = success; for a change, the provider confirmed it
help-exit-1 = anything else went wrong
help-exit-2 = bad input or a broken password rule; nothing was sent
help-exit-3 = the provider rejected the request
help-exit-4 = no answer was read, or the change could not be settled: it stays open and may or may not have happened
help-env-heading = Environment:
help-env-config-dir = folder of the profile index, instead of the platform's config folder
help-env-data-dir = folder of the rotation journal, instead of the platform's data folder
help-env-key-secret = the access key secret for `request --key-id` and `emulate`
help-env-lang = the language of messages and help: en or zh-CN (default: from the system's locale)
help-env-rust-log = which log messages go to stderr (default: warn; keys typed in the window are never logged)
help-readme = README.md walks through installing, adding a key and rotating a password.
help-usage-heading = Usage:
help-commands-heading = Commands
help-arguments-heading = Arguments
help-options-heading = Options
help-help = Print help
help-help-more = Print help (see more with '--help')
help-help-summary = Print help (see a summary with '-h')
help-version = Print version
help-help-subcommand = Print this message or the help of the given subcommand(s)

## Errors in the command line's arguments (as clap words them in English)

clap-unknown-argument = unexpected argument '{ $arg }' found
clap-invalid-subcommand = unrecognized subcommand '{ $name }'
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = possible values: { $values }
clap-missing-required = the following required arguments were not provided:
clap-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-no-value = a value is required for '{ $arg }' but none was supplied
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-similar = tip: a similar argument exists: '{ $suggestion }'
clap-more-info = For more information, try '--help'.

## How long a password would take to crack (as zxcvbn words it)

time-less-than-second = less than a second
time-seconds = { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }
time-minutes = { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
time-hours = { $count ->
        [one] 1 hour
       *[other] { $count } hours
    }
time-days = { $count ->
        [one] 1 day
       *[other] { $count } days
    }
time-months = { $count ->
        [one] 1 month
       *[other] { $count } months
    }
time-years = { $count ->
        [one] 1 year
       *[other] { $count } years
    }
time-centuries = centuries

## zxcvbn's feedback on a password's strength, as zxcvbn words it

strength-warning-straight-rows = Straight rows of keys are easy to guess.
strength-warning-short-keyboard-pattern = Short keyboard patterns are easy to guess.
strength-warning-repeats = Repeats like "aaa" are easy to guess.
strength-warning-repeated-sequence = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
strength-warning-top-10 = This is a top-10 common password.
strength-warning-top-100 = This is a top-100 common password.
strength-warning-common = This is a very common password.
strength-warning-similar-to-common = This is similar to a commonly used password.
strength-warning-sequences = Sequences like abc or 6543 are easy to guess.
strength-warning-recent-years = Recent years are easy to guess.
strength-warning-word = A word by itself is easy to guess.
strength-warning-dates = Dates are often easy to guess.
strength-warning-names = Names and surnames by themselves are easy to guess.
strength-warning-common-names = Common names and surnames are easy to guess.
strength-tip-few-words = Use a few words, avoid common phrases.
strength-tip-no-need-for-symbols = No need for symbols, digits, or uppercase letters.
strength-tip-add-words = Add another word or two. Uncommon words are better.
strength-tip-capitalization = Capitalization doesn't help very much.
strength-tip-all-uppercase = All-uppercase is almost as easy to guess as all-lowercase.
strength-tip-reversed-words = Reversed words aren't much harder to guess.
strength-tip-substitutions = Predictable substitutions like '@' instead of 'a' don't help very much.
strength-tip-longer-keyboard-pattern = Use a longer keyboard pattern with more turns.
strength-tip-avoid-repeats = Avoid repeated words and characters.
strength-tip-avoid-sequences = Avoid sequences.
strength-tip-avoid-recent-years = Avoid recent years.
strength-tip-avoid-your-years = Avoid years that are associated with you.
strength-tip-avoid-your-dates = Avoid dates and years that are associated with you.

## Outcomes of a change, and where its passwords are

outcome-succeeded = Password changed
outcome-rejected = Rejected by the provider
outcome-wrong-old-password = Wrong current password
outcome-locked = Password changes are locked
outcome-old-password-still-valid = The previous old password is still valid
outcome-throttled = Too many requests
outcome-auth = The provider did not accept the access key
outcome-not-sent = Not sent
outcome-unknown = Result unknown: the password may have changed
outcome-accepted = Accepted: the provider is finishing the change as a task
outcome-expiry-changed = The old password's expiry changed
outcome-tries-left = { $title } ({ $count ->
        [one] 1 try
       *[other] { $count } tries
    } left before the lock)
outcome-until = { $title } until { $time }
outcome-retry-after = { $title }; try again after { $time }
outcome-code = code: { $value }
outcome-message = message: { $value }
outcome-request-id = request id: { $value }
answer-empty = HTTP { $status }: empty answer
answer-html = HTTP { $status }: an HTML page instead of the API's answer
answer-malformed-json = HTTP { $status }: malformed JSON
answer-unexpected = HTTP { $status }: an answer in an unexpected shape
answer-duplicate-key = HTTP { $status }: an answer naming one field twice, so what it says cannot be known
answer-not-http-status = HttpStatusCode { $given } is not an HTTP status
answer-success-at-error-status = HTTP { $status }: the answer says the change was made, its status says the request failed
send-setup = could not set up the HTTP client: { $detail }
send-bad-method = invalid method { $method }
send-unbuildable = the request could not be built: { $detail }
send-connect = could not connect to { $host }: { $detail }
send-timeout = no answer from { $host } in time
send-broke = the connection to { $host } broke before an answer was read: { $detail }
send-too-large = the answer ({ $status }) was larger than { $kib } KiB and was not read
send-leaves-this-computer = not sent: in the demo nothing leaves this computer, and { $host } is elsewhere; set the profile's endpoint to the demo's emulator (as the demo profiles have it) to try this

where-promoted = the new password is now the current password of { $key } in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
where-removed = the password of { $key } was removed; the one before is kept as previous
where-expiry-only = only the old password's expiry changed; the passwords of { $key } in { $store ->
        [team] the team store
       *[keyring] the keyring
    } are unchanged
where-discarded = the password was not changed; the pending one was discarded
where-pending-kept = the new password is kept as the pending password of { $key }: it may be the one the resource has now
where-retry-failed = the retry did not go through; the earlier change ({ $earlier }) stays open and its new password stays pending for { $key }: it may be the one the resource has now
where-cancelled = nothing was sent; { $store ->
        [team] the team store
       *[keyring] the keyring
    } is as it was
where-not-settled = { $store ->
        [team] the team store's slots
       *[keyring] the keyring slots
    } could not be updated ({ $error }); the change of { $key } stays open: its new password may be the one the resource has now

## The journal's words for an attempt (in English, its own names)

journal-status-succeeded = succeeded
journal-status-rejected = rejected
journal-status-wrong-old-password = wrong_old_password
journal-status-locked = locked
journal-status-old-password-still-valid = old_password_still_valid
journal-status-throttled = throttled
journal-status-auth-problem = auth_problem
journal-status-not-sent = not_sent
journal-status-unknown = unknown
journal-status-accepted = accepted, finishing
journal-settled-succeeded = succeeded
journal-settled-rejected = rejected
journal-settled-not-sent = not_sent
journal-settled-kept-as-current = kept_as_current
journal-settled-discarded = discarded
journal-settled-retried = retried
journal-settled-retry-failed = retry_failed
journal-settled-nothing-staged = nothing_staged
journal-settled-settled-elsewhere = settled_elsewhere
open-adopted = a pending password was found in { $store ->
        [team] the team store
       *[keyring] the keyring
    } without its record here: the request may have been sent
open-claimed = { $by }'s change, staged { $since }, found in { $store ->
        [team] the team store
       *[keyring] the keyring
    } without a record here: the request may have been sent
open-removes-password = the password may have been removed
open-pending = the new one is kept as pending

## The rotation protocol: why a change waits or cannot be done

block-unsettled = an earlier change of this resource (attempt { $attempt }, { $since }) has an unknown result; its pending password may be the live one, so it must be settled first
block-claimed = { $by } staged a change of this resource at { $since } in { $store ->
        [team] the team store
       *[keyring] the keyring
    } and may still be waiting for its answer: only they may settle it until { $until }; after that it can be kept or discarded here (keyturn recover)
block-pending-without-attempt = the keyring holds a pending password for this resource that no open change in the journal accounts for; it may be the live one, so it must be settled first
block-in-progress = another Keyturn (a window or a command) is changing this resource right now
block-locked = password changes of this resource are locked until { $until } after wrong old passwords
block-old-password-still-valid = the previous old password stays valid until { $until }; the provider refuses a new change before then (changing only its expiry is allowed)
block-throttled = the provider asked to wait until { $until }
rotation-keyring = { $store ->
        [team] the team store
       *[keyring] the keyring
    } could not be used: { $error }
rotation-lock-file = the lock file { $path } cannot be used: { $error }
rotation-no-attempt = no open attempt { $id }
rotation-unknown-operation = the attempt names an operation this version does not know: { $op }
rotation-pending-missing = there is no pending password for { $key }; the keyring holds { $holds } for it. Nothing was changed: if the change never left, discard it
rotation-holds-nothing = nothing
rotation-cannot-retry = this change cannot be sent again: { $why }
demo-profile-note = Demo: a fake key that only Keyturn's built-in emulator accepts; forgotten when the demo closes.
demo-keyring-already-open = the demo must start before anything opens the keyring, and something already has; nothing was stored
demo-folder = could not make the demo's throwaway folder { $path }: { $error }
demo-emulator = could not start the emulator: { $error }
demo-profile = could not add the demo profile { $name }: { $error }
job-no-runtime = the background runtime could not start: { $detail }
rotation-lock-not-private = the folder for locks { $path } is not a private folder of this user's (a link, another user's, or open to others); nothing was changed
rotation-task = a background task failed: { $detail }
retry-refused-adopted = the journal lost what it changed; keep or discard its pending password
retry-refused-expiry-only = it changed no password; make it again from the form
retry-refused-typed-key = it was made with a typed access key: give that key's secret
retry-refused-inputs = its recorded inputs no longer pass the checks ({ $fields }); make the change again from the form
retry-refused-no-pending = the keyring has no pending password for { $key }
retry-sent-to-profile-endpoint = sent to the profile's endpoint as it is now, { $url }
retry-sent-to-first-endpoint = sent to the endpoint of the first attempt, { $url }
retry-sent-to-default-endpoint = sent to the provider's endpoint, { $url }
# Between problems of one message: "a; b".
list-separator-strong = {"; "}

## Files, the journal, endpoints, generating, importing: what is wrong

file-link = it is a symbolic link, and Keyturn never reads or writes its own files through a link; put the file itself there (or set KEYTURN_CONFIG_DIR / KEYTURN_DATA_DIR to the folder it is in)
file-kind-fifo = a FIFO
file-kind-device = a device
file-kind-socket = a socket
file-kind-folder = a folder
file-kind-other = not a file
file-not-regular = it is not a regular file (it is { $what }); only a regular file is read
file-too-large = it is too large ({ $size } bytes; at most { $cap } are read)
journal-read = the rotation journal { $path } cannot be read: { $error }
journal-write = the rotation journal { $path } cannot be written: { $error }
generate-length = length { $length } is outside what this operation accepts ({ $min } to { $max })
endpoint-not-a-url = endpoint { $text } is not a valid URL
endpoint-scheme = endpoint must start with https:// (or http:// to a loopback address), not { $scheme }://
endpoint-plain-http = plain http:// is allowed only to a loopback address (127.0.0.1, ::1, localhost), not { $host }; use https://
endpoint-extra-parts = endpoint must be just scheme, host and port, without a path, query or user name
endpoint-region-required = { $op } needs a region: give it with --region
endpoint-bad-region = region { $region } is not a region name (letters, digits and '-')
endpoint-unknown-region = { $op } has no endpoint Keyturn knows in region { $region }
import-not-text = the file is not UTF-8 text
import-empty = the file is empty
import-too-large = the file is too large ({ $size } bytes) to be a console's access key file
import-csv = the file is not valid CSV: { $detail }
import-unterminated-quote = a quoted field that starts on line { $line } is never closed (a '"' is missing)
import-unknown-columns = row 1 (of { $count } columns) names no access key columns; expected e.g. "AccessKey ID,AccessKey Secret", "Access Key Id,Secret Access Key", "SecretId,SecretKey" or "PublicKey,PrivateKey" (a file without that row needs its cloud named)
import-no-key = the file has a header but no key
import-several-keys = the file holds { $count } keys; import one file per key
import-part-id = key id
import-part-secret = secret
import-empty-field = row { $row }, column { $column } (the { $what }) is empty
import-unknown-provider = cannot tell which cloud this key belongs to; name the cloud

## The desktop app's background work: what is wrong

job-no-config-folder = no config folder was found, so nothing can be kept on this machine
job-endpoint = the profile's endpoint cannot be used: { $error }
job-unknown-resource = { $key } is not a resource this version knows
job-import-read = cannot read { $path }: { $error }
job-delete-file = cannot delete { $path }: { $error }
job-import-parse = { $path }: { $error }; nothing was stored
job-profile-added = added profile { $name } ({ $provider } key { $key }); its secret is in the store
job-profile-imported = stored the { $provider } access key { $key } as profile { $name }; the secret is in the store
job-profile-removed = removed profile { $name } and its secret
job-profile-removed-no-secret = removed profile { $name } (the store held no secret for it)
job-no-file-chooser = no file chooser could be opened on this desktop

## A stored resource, by its fields' labels: "Huawei Cloud DCS Instance ID 5560df16 in cn-north-4"

resource-name = { $provider } { $product } { $ids }
resource-name-in-region = { $provider } { $product } { $ids } in { $region }

## What a key's verification found

verify-works = the key works
verify-works-as = the key works ({ $who })
verify-signature-mismatch = wrong secret: the signature did not match
verify-unknown-key = the key id is unknown or disabled
verify-clock-skew = this computer's clock is wrong
verify-no-permission = the key is valid but may not make this call
verify-not-sent = no network: the provider could not be reached
verify-unknown = no answer could be read
verify-refused = the provider refused the call
profile-verify-not-recorded = the result could not be recorded on the profile

## The team store (OpenBao / HashiCorp Vault KV v2)

team-settings = the team store's settings cannot be used: { $detail }
team-no-token = no token for the team store: set VAULT_TOKEN, run `keyturn store login`, or log in with the Vault command line (~/.vault-token)
team-unreachable = the team store cannot be reached: { $detail }
team-sealed = the team store is sealed: it can neither read nor write until it is unsealed
team-denied = the team store refused access to { $path }: the token is missing, expired or revoked, or its policy does not allow this path
team-changed = { $path } was changed by someone else since it was read here. Look at it again before you change it
team-someone = someone
team-leaderless = the team store has no leader now (answer { $status }: { $errors }); it did not elect one in time
team-odd-redirects = it redirected too many times
team-odd-no-location = a redirect without a location
team-odd-not-url = a redirect to an address that is not a URL
team-odd-redirect-refused = a redirect refused: { $error }
team-odd-not-json = the answer is not JSON
team-odd-no-keys = the list answer names no keys
team-odd-no-version = the answer names no version
team-empty-mount = the team store's settings cannot be used: the mount is empty
team-store-in-use = another credential store is already in use in this process
team-unencodable = what Keyturn would write to the team store cannot be encoded ({ $detail })
team-refused = the team store answered { $status }: { $errors }
store-keyring = the OS keyring of this computer
store-vault = the team store { $addr }, mount { $mount }, prefix { $prefix }
store-in-use = Profiles and passwords are kept in { $store }.
store-saved = From now on profiles and passwords are kept in { $store }. Nothing was copied: `keyturn store migrate` copies them.
store-token-saved = The token for { $addr } is kept in this computer's keyring.
store-token-empty = no token was given on standard input
store-no-addr = give the server with --addr, or set VAULT_ADDR
store-no-team-store = no team store is set up: `keyturn store use vault --addr URL` sets one up
store-migrated = copied { $what }
store-migrate-done = { $profiles ->
    [one] 1 profile
   *[other] { $profiles } profiles
} and { $resources ->
    [one] the passwords of 1 resource
   *[other] the passwords of { $resources } resources
} copied to { $store } and read back; { $removed ->
    [true] the copies in { $source } were removed.
   *[other] the originals stay in { $source } (--remove-source removes them).
}
store-migrate-mismatch = the copy of { $what } in { $store } does not read back as it was written; nothing was removed
store-migrate-open-change = { $what } has a change in progress (a pending password, or another's claim); nothing was copied. Settle it first (keyturn recover), then migrate
store-migrate-open-attempts = { $count ->
        [one] a password change of this computer is
       *[other] { $count } password changes of this computer are
    } still open; nothing was copied. Settle them first (keyturn recover), then migrate
store-migrate-conflict = { $what } already holds something else where the copy would go; nothing was replaced
store-unknown-direction = { $value } is neither vault nor keyring
store-demo = the demo's store in memory (nothing is written anywhere)

## The user's word on an open change (keyturn recover --keep/--discard, the app's recovery)

decided-kept = the pending password is now the current password of { $key } in { $store ->
        [team] the team store
       *[keyring] the keyring
    }
decided-discarded = discarded the pending password of { $key } in { $store ->
        [team] the team store
       *[keyring] the keyring
    }; current is unchanged
decided-nothing-pending = closed the change of { $key }; there was no pending password, current is unchanged
decided-already-made = { $store ->
        [team] the team store
       *[keyring] the keyring
    } already records this change as made ({ $by }, { $time }): the new password is the current one of { $key }, and this computer's records now say so too
decided-already-dropped = { $store ->
        [team] the team store
       *[keyring] the keyring
    } already records this change as not made ({ $by }, { $time }): the current password of { $key } is unchanged, and this computer's records now say so too
decided-superseded = the pending password of { $key } now belongs to { $by }'s change from { $time }: this computer's record of the earlier change was closed, and nothing in { $store ->
        [team] the team store
       *[keyring] the keyring
    } was changed

## Proving a stored password: one login to the service itself
prove-opened = the password works: the service let it in and answered
prove-wrong-password = wrong password: the service refused it (the service said: { $said })
prove-no-password-needed = the service asks for no password at all: anyone gets in, so this proves nothing
prove-timed-out = could not reach the service: no answer within { $seconds } s (this says nothing about the password)
prove-resolve = could not reach the service: its host name did not resolve ({ $detail })
prove-connection-refused = could not reach the service: nothing listens at that address ({ $detail })
prove-connect = could not reach the service ({ $detail })
prove-closed = could not reach the service: it closed the connection before answering (if it expects TLS, turn TLS on)
prove-no-tls-answer = could not reach the service over TLS: nothing answered the TLS handshake in time (a plain service waits silently); nothing was sent in plain, and this says nothing about the password
prove-tls-not-offered = TLS was asked for and the service offers none; nothing was sent in plain
prove-tls-handshake = the TLS handshake failed (is the service plain?); nothing was sent in plain ({ $detail })
prove-tls-certificate = the service's TLS certificate is not trusted or does not name this host ({ $detail }); give its CA certificate file
prove-service-wants-tls = the service answered in TLS: turn TLS on for this resource
prove-refused = the service refused the login for another reason than the password (the service said: { $said })
prove-not-the-protocol = the answer is not the service's protocol: is another service listening there?
prove-too-long = the service's answer was longer than { $bytes } bytes
prove-sign-in-method = the service asks for a sign-in method Keyturn does not make ({ $name })
prove-no-public-protocol = no test available: TcaplusDB has no public protocol a client can log in with
prove-kafka-not-built = no test available: Keyturn does not log in to Kafka (SASL/PLAIN), which DTS consumer groups use; try the password with a Kafka client
prove-mongo-not-built = no test available: Keyturn does not log in to MongoDB (DDS); try the password with mongosh
prove-no-connection = no test available yet: no connection details are kept for this resource
prove-no-database-kind = no test available: the connection details do not say MySQL or PostgreSQL
prove-no-password = no test available: this slot holds no password
prove-ca-file = no test available: the CA certificate file cannot be used ({ $detail })
prove-proven-at = proven { $time }
prove-failed-at = tested { $time }: { $found }
password-test-result = { $slot } password of { $key }: { $found }
password-connection-kept = connection details kept for { $key }: { $address }{ $tls ->
        [yes] , TLS
       *[no] {""}
    }
password-connection-forgotten = connection details of { $key } forgotten
password-connection = connects to { $address }{ $tls ->
        [yes] , TLS
       *[no] {""}
    }
password-bad-address = { $text } is not host:port
password-bad-database = { $text } is not mysql or postgresql
password-test-wrong-hint = the service refused this password: nothing in the keyring was changed; check which password the resource really has before a change
password-test-unreached-hint = nothing was tested: the password may still be right; check the address, port and TLS
recover-test-trying = testing the { $slot } password of { $key }…
recover-test-pending-works = the pending password works: the change happened. Keep it as current?
recover-test-current-works = the pending password does not work but the current one does: the change did not happen. Discard the pending password?
recover-test-neither = neither the pending nor the current password was proven to work: nothing was changed; settle it by hand once you know
recover-test-confirm = type yes to confirm:
recover-test-not-confirmed = not confirmed: nothing was changed
recover-test-no-attempt = { $id } is not an open change
change-test-opened = the new password is proven: { $found }
change-test-failed = THE NEW PASSWORD DID NOT PROVE ITSELF: { $found }. The provider said the change was made; log in by hand before relying on it, and keep the previous password ({ $key }) until then

# A change the provider finishes as a task
cli-task-following = The provider accepted the change as task { $task }; waiting for it to finish…
