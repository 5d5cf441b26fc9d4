"""The search keys of ``domain.search`` as generated columns with indexes (issue 15).

A search by phone, e-mail, postcode or the number of a case number is one indexed equality
on PostgreSQL and SQLite alike; the database fills the keys, for existing rows too.
The name search has a PostgreSQL index of its own (0013).
"""

import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0011_next_legal_term'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='reference_number',
            field=models.GeneratedField(db_persist=True, expression=models.Func(django.db.models.functions.text.Substr('reference', django.db.models.expressions.CombinedExpression(django.db.models.functions.text.StrIndex('reference', models.Value('-')), '+', models.Value(6))), models.Value('0'), function='LTRIM'), output_field=models.CharField(max_length=20)),
        ),
        migrations.AddField(
            model_name='person',
            name='email_key',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.text.Lower('email'), output_field=models.CharField(max_length=254)),
        ),
        migrations.AddField(
            model_name='person',
            name='phone_key',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(django.db.models.lookups.Exact(django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 1, 3), models.Value('+31')), then=django.db.models.functions.text.Concat(models.Value('0'), django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 4))), models.When(django.db.models.lookups.Exact(django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 1, 4), models.Value('0031')), then=django.db.models.functions.text.Concat(models.Value('0'), django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 5))), models.When(django.db.models.lookups.Exact(django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 1, 1), models.Value('+')), then=django.db.models.functions.text.Concat(models.Value('00'), django.db.models.functions.text.Substr(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), 2))), default=models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('phone'), models.Value('(0)'), models.Value(''), function='REPLACE'), models.Value(' '), models.Value(''), function='REPLACE'), models.Value('-'), models.Value(''), function='REPLACE'), models.Value('.'), models.Value(''), function='REPLACE'), models.Value('/'), models.Value(''), function='REPLACE'), models.Value('('), models.Value(''), function='REPLACE'), models.Value(')'), models.Value(''), function='REPLACE'), output_field=models.CharField()), output_field=models.CharField(max_length=40)),
        ),
        migrations.AddField(
            model_name='person',
            name='postcode_key',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.text.Upper(models.Func(models.F('postcode'), models.Value(' '), models.Value(''), function='REPLACE')), output_field=models.CharField(max_length=10)),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['reference_number'], name='case_reference_number_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['office', 'phone_key'], name='person_office_phone_key_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['office', 'postcode_key'], name='person_office_postcode_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['office', 'email_key'], name='person_office_email_key_idx'),
        ),
    ]
