from claimx.cli import main

main()
