from multipolar.grade.cli import main

raise SystemExit(main())
