#!/bin/sh
# Every man page must be clean under mandoc's strictest lint level.
set -eu
status=0
for page in "$1"/*.[0-9]; do
  if ! mandoc -T lint -W warning "$page"; then status=1; fi
done
exit $status
