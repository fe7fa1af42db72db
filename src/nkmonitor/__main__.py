from nkmonitor.cli import main

main()
