"""Wagtail's default "Editors" and "Moderators" groups have rights over the whole page tree: whoever
is put in them by habit escapes the institution spaces. They go, with the default "Moderators
approval" workflow on the root page that relied on them. The only groups left are the institution
spaces and the editorial team (editorial/spaces.py)."""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = Group.objects.filter(name__in=DEFAULT_GROUPS)
    tasks = GroupApprovalTask.objects.filter(groups__in=groups).distinct()
    for task in tasks:
        if set(task.groups.values_list("name", flat=True)) <= set(DEFAULT_GROUPS):
            task.active = False
            task.save(update_fields=["active"])
    for workflow in Workflow.objects.filter(workflow_tasks__task__in=tasks).distinct():
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    groups.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        # The migrations that give these groups rights run first, so they never come back.
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
